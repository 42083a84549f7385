package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JFR recording in each service JVM, started and stopped from outside with {@code jcmd}, so that
 * the services need no option of their own and only the measured minute is recorded. Each recording
 * is written to {@code <service>.jfr} (for JDK Mission Control) and summarised in {@code <service>.txt}
 * ({@link Profile}). JFR's {@code profile} settings, but with Java stacks sampled every 20 ms (its
 * {@code method-profiling=normal}) instead of that file's 10 ms: the recording's overhead falls in
 * the measured minute, and 20 ms gives thousands of samples a minute already. A JVM whose recording
 * could not be started or read is reported as such, and the run goes on without its profile.
 */
final class Profiler {

    static final int TOP = 10;
    private static final String RECORDING = "bench";

    /** The profiles that could be read, by JVM, and why the others are missing. */
    record Result(Map<String, Profile> profiles, Map<String, String> missing) {
    }

    private final Map<String, Long> pids;
    private final Path folder;
    private final Path log;
    private final Map<String, String> missing = new LinkedHashMap<>();

    private Profiler(Map<String, Long> pids, Path folder, Path log) {
        this.pids = pids;
        this.folder = folder;
        this.log = log;
    }

    /** Starts a recording in each JVM of {@code pids} (name to process id), into {@code folder}. */
    static Profiler start(Map<String, Long> pids, Path folder, Path log) {
        Profiler profiler = new Profiler(new LinkedHashMap<>(pids), folder.toAbsolutePath(), log);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pids.forEach((name, pid) -> profiler.jcmd(name, pid, "JFR.start", "name=" + RECORDING, "settings=profile",
                "method-profiling=normal", "filename=" + profiler.recording(name)));
        return profiler;
    }

    /** Stops every recording, writes each summary beside it and returns them. */
    Result stop() {
        Map<String, Profile> profiles = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            if (missing.containsKey(name) || !jcmd(name, pid, "JFR.stop", "name=" + RECORDING)) {
                return;
            }
            try {
                Profile profile = Profile.read(recording(name), TOP);
                Files.writeString(folder.resolve(name + ".txt"), profile.text(name));
                profiles.put(name, profile);
            } catch (IOException | RuntimeException e) {
                missing.put(name, "its recording could not be read: " + e.getMessage());
            }
        });
        return new Result(profiles, new LinkedHashMap<>(missing));
    }

    Path recording(String name) {
        return folder.resolve(name + ".jfr");
    }

    /** Runs {@code jcmd <pid> <command> <options>}; false, with the reason noted as missing, if it failed. */
    private boolean jcmd(String name, long pid, String command, String... options) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command));
        line.addAll(List.of(options));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            int exit = process.waitFor();
            Files.writeString(log, String.join(" ", line) + "\n" + output + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            // jcmd exits with 0 when it reached the JVM, whether or not the command did what was asked.
            boolean done = exit == 0 && (command.equals("JFR.start")
                    ? output.contains("Started recording") : Files.isRegularFile(recording(name)));
            if (!done) {
                missing.put(name, command + " failed (" + log.getFileName() + ")");
                System.out.println("warning: no profile of " + name + ": " + command + " failed; see " + log);
            }
            return done;
        } catch (IOException e) {
            missing.put(name, command + " could not run: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            missing.put(name, command + " interrupted");
            return false;
        }
    }
}
