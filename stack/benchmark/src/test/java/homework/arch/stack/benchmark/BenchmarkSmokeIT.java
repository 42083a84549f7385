package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The benchmark cannot rot: a few seconds at a few orders per second through the whole stack, and
 * it must have written both Gatling reports and the summary, and, with prometheus on the PATH, the
 * dashboard's picture. In the default style; {@link HttpOnlyBenchmarkSmokeIT} runs it in style http-only. No timing is asserted; the targets live in docs/performance.md.
 */
class BenchmarkSmokeIT {

    @Test
    void runsEveryPhaseAndWritesItsReports() throws IOException {
        Path out = Path.of("target/benchmark-smoke");
        Path summary = Benchmark.run(Settings.smoke(out), "--smoke");

        String text = Files.readString(summary);
        assertThat(text, containsString("Style: http-broker"));
        assertThat(text, containsString("| " + StackProcesses.KAFKA + " |"));
        assertThat(text, containsString("| " + StackProcesses.DEBEZIUM + " |"));
        assertThat(text, containsString("| throughput at saturation"));
        assertThat(text, containsString("| throughput the whole pipeline sustains"));
        assertThat(RunRecord.read(out).run(), hasKey("pipelineSaturation"));
        // The load generator shares the cores: its CPU is a row, and the stack's total leaves it out.
        assertThat(text, containsString("| " + CpuTime.LOAD_GENERATOR + " |"));
        assertThat(text, containsString("| **" + RunRecord.STACK + "** |"));
        assertThat(text, containsString("database write limit"));
        assertThat(text, containsString("| orders |"));
        assertThat(text, containsString("CPU time per settled order"));
        // The statement profile saw the order path's writes in the services' own databases.
        assertThat(text, containsString("| billing | `"));
        // Every order commits twice in orders' database: its insert, then its settlement.
        Matcher orders = Pattern.compile("\\| orders \\| [0-9.]+ \\| ([0-9.]+) \\|").matcher(text);
        assertThat("orders' calls and transactions per order:\n" + text, orders.find(), is(true));
        assertThat("orders' transactions per order: " + orders.group(1), Double.parseDouble(orders.group(1)),
                greaterThan(1.2));
        // A JFR recording of every service in a closed-model minute after the measured phases, and its summary.
        assertThat(text, containsString("Where each service's JVM spends its CPU"));
        assertThat(text, containsString("- orders, "));
        for (String service : new String[] {"users", "billing", "orders", "notifications"}) {
            assertThat(service, Files.readString(out.resolve("profiles").resolve(service + ".txt")),
                    containsString("by self samples"));
        }
        for (String phase : new String[] {"warmup", "closed", "ramp", "fixed", "profiled"}) {
            try (var reports = Files.list(out.resolve("gatling").resolve(phase))) {
                assertThat(phase, reports.filter(r -> Files.isRegularFile(r.resolve("index.html"))).count(), is(1L));
            }
        }
        assertThat("the smoke rate placed orders without errors:\n" + text, text, containsString("0 of "));
        assertThat(text, containsString("| latency in the fixed rate's lead-in"));
        // The load generator's warm-up sent POST /orders, placing a few orders and replaying them, all answered.
        try (var reports = Files.list(out.resolve("gatling").resolve("fixed"))) {
            Path fixed = reports.filter(r -> Files.isRegularFile(r.resolve("index.html"))).findFirst().orElseThrow();
            GatlingStats warmup = GatlingStats.read(fixed, OrderSimulation.request(OrderSimulation.GENERATOR_WARMUP));
            assertThat("warm-up requests", warmup.requests(), greaterThan(0L));
            assertThat("warm-up requests failed", warmup.failed(), is(0L));
        }

        // What --publish does, into a scratch copy of the docs: the run's own files are enough for the plots.
        Path repo = out.resolve("publish");
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/performance.md"), Publish.BEGIN + "\n" + Publish.END + "\n");
        Files.writeString(repo.resolve(StylesTable.DOC), StylesTable.BEGIN + "\n" + StylesTable.END + "\n");
        Publish.publish(out.toAbsolutePath(), repo);
        assertThat(Files.readString(repo.resolve("docs/performance.md")), containsString("| throughput at saturation"));
        assertThat(Files.readString(repo.resolve(StylesTable.DOC)), containsString("| `http-broker` | `"));
        for (String image : new String[] {Publish.THROUGHPUT, Publish.LATENCY, Publish.CPU}) {
            assertThat(image, Files.readString(repo.resolve("docs/images").resolve(image)), startsWith("<svg"));
        }
        // With prometheus on the PATH (PrometheusIT requires it), the run drew the dashboard from it, and
        // --publish copies it; without, the run went on without the picture.
        Path dashboard = repo.resolve("docs/images").resolve(DashboardPicture.FILE);
        assertThat(Files.isRegularFile(out.resolve(DashboardPicture.FILE)), is(Prometheus.onPath().isPresent()));
        assertThat(Files.isRegularFile(dashboard), is(Prometheus.onPath().isPresent()));
        if (Files.isRegularFile(dashboard)) {
            String svg = Files.readString(dashboard);
            assertThat(svg, containsString(DashboardPicture.TITLE));
            assertThat(svg, containsString(">Orders settled per second, by status</text>"));
            assertThat("the stack's own series (orders settled, by status)", svg, containsString(">PAID</text>"));
            assertThat(Files.readString(out.resolve(Prometheus.CONFIGURATION)), containsString("outbox-relay"));
        }
    }
}
