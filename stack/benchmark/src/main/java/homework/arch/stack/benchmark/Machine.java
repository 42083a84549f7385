package homework.arch.stack.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the run ran on: cores, memory, JDK, and how busy the machine was. */
record Machine(int cores, long memoryMb, String jdk, String loadAverage) {

    static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotalMb(),
                System.getProperty("java.vm.vendor") + " " + Runtime.version(), currentLoad());
    }

    static String currentLoad() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long memTotalMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
