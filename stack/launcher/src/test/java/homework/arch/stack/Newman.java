package homework.arch.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import homework.arch.stack.fixtures.Repository;

/** Runs the Postman collection through {@code stack/newman}, the same command the README documents. */
public final class Newman {

    private Newman() {
    }

    /** What newman ended with, and the failures its summary lists (the part a CI log should show). */
    public record Result(int exitCode, String failures) {
    }

    /** Runs newman; its output is echoed and kept in {@code log}. */
    public static Result run(String baseUrl, Path report, Path log) {
        Path root = Repository.root();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(root.resolve("stack/newman").toString(), baseUrl,
                    "--color", "off", "--disable-unicode"))
                    .directory(root.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("NEWMAN_REPORT", report.toString());
            Process process = builder.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer file = Files.newBufferedWriter(log)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    System.out.println(line);
                    file.write(line + "\n");
                    lines.add(line);
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("newman did not finish within 10 minutes");
            }
            return new Result(process.exitValue(), failures(lines));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run stack/newman (are Node.js and npm installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Newman's closing table of failures ("#  failure  detail" to the end), or nothing when all passed. */
    private static String failures(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (plain(lines.get(i)).matches("#\\s+failure\\s+detail")) {
                return String.join("\n", lines.subList(i, lines.size()).stream().map(Newman::plain).toList());
            }
        }
        return "";
    }

    /** Without terminal colours (newman colours its failure table even with --color off) and padding. */
    private static String plain(String line) {
        return line.replaceAll("\u001B\\[[;\\d]*m", "").strip();
    }
}
