package homework.arch.stack.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The podman commands the rehearsal needs besides {@code run}, each waited for. */
final class Podman {

    private Podman() {
    }

    /**
     * Loads an image tar (as Jib wrote it) under the name inside it; the image that name stood for
     * before, if another, is removed so that runs do not pile up unnamed images.
     */
    static void load(Path tar, String name) {
        Optional<String> before = imageId(name);
        podman("load", "-q", "-i", tar.toString());
        String after = imageId(name).orElseThrow(() -> new IllegalStateException(
                tar + " does not hold " + name + ", the image the chart runs"));
        before.filter(id -> !id.equals(after)).ifPresent(id -> tryPodman("rmi", id));
    }

    static Optional<String> imageId(String name) {
        Result r = tryPodman("image", "inspect", "--format", "{{.Id}}", name);
        return r.exitCode() == 0 ? Optional.of(r.output().strip()) : Optional.empty();
    }

    /** Runs a command in a running container and returns what it ended with and printed. */
    static Result exec(String container, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", container));
        args.addAll(List.of(command));
        return tryPodman(args.toArray(String[]::new));
    }

    /** Removes these containers if they still exist (their {@code podman run} was killed, say). */
    static void removeContainers(Collection<String> names) {
        if (!names.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "--force", "--ignore", "--time", "5"));
            args.addAll(names);
            tryPodman(args.toArray(String[]::new));
        }
    }

    record Result(int exitCode, String output) {
    }

    private static String podman(String... args) {
        Result r = tryPodman(args);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("podman " + String.join(" ", args) + " failed (" + r.exitCode() + "):\n" + r.output());
        }
        return r.output();
    }

    private static Result tryPodman(String... args) {
        List<String> command = new ArrayList<>(PodmanRun.PODMAN);
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run podman (stack/rehearse installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
