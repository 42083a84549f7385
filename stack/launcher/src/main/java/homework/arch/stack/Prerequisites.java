package homework.arch.stack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the local stack needs from the machine, checked up front with messages that say what to do. */
final class Prerequisites {

    private Prerequisites() {
    }

    /** Fails listing every missing prerequisite at once. */
    static void check() {
        List<String> missing = new ArrayList<>();
        if (Runtime.version().feature() < 21) {
            missing.add("Java 21 or newer (this is Java " + Runtime.version() + "); set JAVA_HOME to a JDK 21+");
        }
        for (String tool : List.of("node", "npm")) {
            if (!answers(tool, "--version")) {
                missing.add(tool + " (Node.js 18+ and npm run the Postman collection with newman); install Node.js"
                        + " and make sure `" + tool + "` is on the PATH");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing prerequisites:\n  - " + String.join("\n  - ", missing));
        }
    }

    private static boolean answers(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
