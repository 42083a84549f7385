package homework.arch.stack.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The benchmark cannot rot: a few seconds at a few orders per second through the whole stack, and
 * it must have written both Gatling reports and the summary. No timing is asserted; the targets
 * live in docs/performance.md.
 */
class BenchmarkSmokeIT {

    @Test
    void runsEveryPhaseAndWritesItsReports() throws IOException {
        Path out = Path.of("target/benchmark-smoke");
        Path summary = Benchmark.run(Settings.smoke(out));

        String text = Files.readString(summary);
        assertTrue(text.contains("| throughput at saturation"), text);
        assertTrue(text.contains("| throughput the whole pipeline sustains"), text);
        assertTrue(RunRecord.read(out).run().containsKey("pipelineSaturation"));
        // The load generator shares the cores: its CPU is a row, and the stack's total leaves it out.
        assertTrue(text.contains("| " + CpuTime.LOAD_GENERATOR + " |") && text.contains("| **" + RunRecord.STACK + "** |"), text);
        assertTrue(text.contains("database write limit"), text);
        assertTrue(text.contains("| orders |") && text.contains("CPU time per settled order"), text);
        // The statement profile saw the order path's writes in the services' own databases.
        assertTrue(text.contains("| billing | `"), text);
        // Every order commits twice in orders' database: its insert, then its settlement.
        Matcher orders = Pattern.compile("\\| orders \\| [0-9.]+ \\| ([0-9.]+) \\|").matcher(text);
        assertTrue(orders.find(), "orders' calls and transactions per order:\n" + text);
        assertTrue(Double.parseDouble(orders.group(1)) > 1.2, "orders' transactions per order: " + orders.group(1));
        // A JFR recording of every service in the measured minute, and its summary.
        assertTrue(text.contains("Where each service's JVM spent its CPU") && text.contains("- orders, "), text);
        for (String service : new String[] {"users", "billing", "orders", "notifications"}) {
            assertTrue(Files.readString(out.resolve("profiles").resolve(service + ".txt")).contains("by self samples"), service);
        }
        for (String phase : new String[] {"warmup", "closed", "ramp", "fixed"}) {
            try (var reports = Files.list(out.resolve("gatling").resolve(phase))) {
                assertEquals(1, reports.filter(r -> Files.isRegularFile(r.resolve("index.html"))).count(), phase);
            }
        }
        assertTrue(text.contains("0 of "), "the smoke rate placed orders without errors:\n" + text);

        // What --publish does, into a scratch copy of the docs: the run's own files are enough for the plots.
        Path repo = out.resolve("publish");
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/performance.md"), Publish.BEGIN + "\n" + Publish.END + "\n");
        Publish.publish(out.toAbsolutePath(), repo);
        assertTrue(Files.readString(repo.resolve("docs/performance.md")).contains("| throughput at saturation"));
        for (String image : new String[] {Publish.THROUGHPUT, Publish.LATENCY, Publish.CPU}) {
            assertTrue(Files.readString(repo.resolve("docs/images").resolve(image)).startsWith("<svg"), image);
        }
    }
}
