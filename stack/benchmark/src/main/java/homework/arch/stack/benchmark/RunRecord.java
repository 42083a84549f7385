package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * What a run leaves beside its summary for {@link Publish}: {@code run.properties} (when, on which
 * commit, in which style, the ramp's window and the measured limits), {@code orders.csv} (every order's stamps and its
 * letter's) and {@code cpu.csv} (CPU time per settled order by process, the load generator's included). The plots are drawn from
 * these files alone, so they can be drawn again from the output folder of any run.
 */
record RunRecord(Properties run, List<OrderLog.Order> orders, Map<String, Double> cpuMillisPerOrder) {

    static final String RUN = "run.properties";
    static final String ORDERS = "orders.csv";
    static final String CPU = "cpu.csv";
    /** In {@code cpu.csv}: the stack's CPU time per order, every process but the load generator and the benchmark. */
    static final String STACK = "the stack (all but the load generator and the benchmark)";
    /** {@link #STACK}'s name in runs recorded before the benchmark had a JVM of its own. */
    static final String STACK_BEFORE = "all but the load generator";
    /** In {@code cpu.csv}: every process's, the load generator's included. */
    static final String ALL = "all";

    Instant instant(String key) {
        return Instant.parse(run.getProperty(key));
    }

    double number(String key) {
        return Double.parseDouble(run.getProperty(key, "NaN"));
    }

    String text(String key) {
        return run.getProperty(key, "unknown");
    }

    /**
     * The benchmark's options as the run was given them, without {@code --out} and its folder: a path
     * on the machine that ran it, which is not a setting of the run.
     */
    static String options(String arguments) {
        return arguments.replaceAll("--out\\s+\\S+\\s*", "").trim();
    }

    /** The interaction style the run's stack ran in, by its configuration name; a run that names none ran in the default. */
    String style() {
        return run.getProperty("style", Settings.DEFAULT_STYLE.configName());
    }

    void write(Path out) {
        try (Writer w = Files.newBufferedWriter(out.resolve(RUN))) {
            run.store(w, "stack/benchmark run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>(List.of("id,status,createdAt,updatedAt,letterAt"));
        orders.forEach(o -> lines.add(o.id() + "," + o.status() + "," + o.createdAt() + "," + o.updatedAt() + ","
                + (o.letterAt() == null ? "" : o.letterAt())));
        List<String> cpu = new ArrayList<>(List.of("process,msPerOrder"));
        cpuMillisPerOrder.forEach((process, ms) -> cpu.add(process.replace(",", ";") + "," + ms));
        try {
            Files.write(out.resolve(ORDERS), lines);
            Files.write(out.resolve(CPU), cpu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunRecord read(Path out) {
        try {
            List<OrderLog.Order> orders = new ArrayList<>();
            for (String line : Files.readAllLines(out.resolve(ORDERS)).stream().skip(1).toList()) {
                String[] f = line.split(",", -1);
                orders.add(new OrderLog.Order(UUID.fromString(f[0]), f[1], Instant.parse(f[2]), Instant.parse(f[3]),
                        f[4].isEmpty() ? null : Instant.parse(f[4])));
            }
            return new RunRecord(properties(out), orders, cpu(out));
        } catch (IOException e) {
            throw new UncheckedIOException("No complete run record in " + out + " (a run before the plots existed?)", e);
        }
    }

    /** The {@code run.properties} of the run in {@code out}. */
    static Properties properties(Path out) throws IOException {
        Properties run = new Properties();
        try (Reader r = Files.newBufferedReader(out.resolve(RUN))) {
            run.load(r);
        }
        return run;
    }

    /** The {@code cpu.csv} of the run in {@code out}: ms per order by process, in the file's order. */
    static Map<String, Double> cpu(Path out) throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve(CPU)).stream().skip(1).toList()) {
            int comma = line.lastIndexOf(',');
            cpu.put(line.substring(0, comma), Double.parseDouble(line.substring(comma + 1)));
        }
        return cpu;
    }

    /** The CPU time per settled order of each process, largest first, then {@link #STACK} and {@link #ALL}. */
    static Map<String, Double> cpuPerOrder(Summary.Closed closed) {
        Map<String, Double> perOrder = new LinkedHashMap<>();
        closed.cpu().used().entrySet().stream()
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .forEach(e -> perOrder.put(e.getKey(), closed.millisPerOrder(e.getValue())));
        perOrder.put(STACK, closed.millisPerOrder(closed.cpu().stack()));
        perOrder.put(ALL, closed.millisPerOrder(closed.cpu().total()));
        return perOrder;
    }
}
