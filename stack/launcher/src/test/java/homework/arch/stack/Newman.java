package homework.arch.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import homework.arch.stack.fixtures.Repository;

/** Runs the Postman collection through {@code stack/newman}, the same command the README documents. */
final class Newman {

    private Newman() {
    }

    /** Exit code of newman (0 when every assertion passed); its output is echoed and kept in {@code log}. */
    static int run(String baseUrl, Path report, Path log) {
        Path root = Repository.root();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(root.resolve("stack/newman").toString(), baseUrl,
                    "--color", "off", "--disable-unicode"))
                    .directory(root.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("NEWMAN_REPORT", report.toString());
            Process process = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer file = Files.newBufferedWriter(log)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    System.out.println(line);
                    file.write(line + "\n");
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("newman did not finish within 10 minutes");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run stack/newman (are Node.js and npm installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
