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
 * the services need no option of their own and only the profiled minute is recorded. Each recording
 * is written to {@code <service>.jfr} (for JDK Mission Control) and summarised in {@code <service>.txt}
 * ({@link Profile}). JFR's {@code profile} settings, but with Java stacks sampled every 20 ms (its
 * {@code method-profiling=normal}) instead of that file's 10 ms: 20 ms gives thousands of samples a
 * minute already, at half the overhead. A JVM whose recording
 * could not be started or read is reported as such, and the run goes on without its profile.
 */
final class Profiler {

    static final int TOP = 10;
    private static final String RECORDING = "bench";
    /**
     * Frames kept of each sampled stack. A request runs through Helidon, Jersey, Weld, Hibernate and
     * pgjdbc, and most of the services' stacks are deeper than JFR's default of 64 frames, which cuts
     * off the outer callers: the methods that say which request a sample served, and their totals.
     */
    private static final int STACK_DEPTH = 512;

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
        pids.forEach((name, pid) -> {
            // Only before JFR's first recording in that JVM; without it the stacks are shorter, nothing else.
            profiler.jcmd(pid, "JFR.configure", "stackdepth=" + STACK_DEPTH);
            String started = profiler.jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile",
                    "method-profiling=normal", "filename=" + profiler.recording(name));
            if (!started.contains("Started recording")) {
                profiler.missing(name, "JFR.start failed");
            }
        });
        return profiler;
    }

    /** Stops every recording, writes each summary beside it and returns them. */
    Result stop() {
        Map<String, Profile> profiles = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            if (missing.containsKey(name)) {
                return;
            }
            jcmd(pid, "JFR.stop", "name=" + RECORDING);
            if (!Files.isRegularFile(recording(name))) {
                missing(name, "JFR.stop wrote no recording");
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

    private void missing(String name, String why) {
        missing.put(name, why + " (" + log.getFileName() + ")");
        System.out.println("warning: no profile of " + name + ": " + why + "; see " + log);
    }

    /**
     * Runs {@code jcmd <pid> <command> <options>} and returns what it printed, also into the log. jcmd
     * exits with 0 once it reached the JVM, whether or not the command did what was asked: the callers
     * look at what it printed or wrote.
     */
    private String jcmd(long pid, String command, String... options) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command));
        line.addAll(List.of(options));
        String output;
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes());
            output += "(exit " + process.waitFor() + ")";
        } catch (IOException e) {
            output = "could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output = "interrupted";
        }
        try {
            Files.writeString(log, String.join(" ", line) + "\n" + output + "\n\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output;
    }
}
