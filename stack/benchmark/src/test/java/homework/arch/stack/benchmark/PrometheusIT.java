package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import homework.arch.stack.fixtures.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The real Prometheus (Debian's package; {@code .ci/run} installs it) scrapes a process serving
 * Prometheus text with the labels the benchmark gives its targets, and the dashboard's first panel,
 * queried as {@link DashboardPicture} queries it, answers the rate the process counts at.
 */
class PrometheusIT {

    /** Long enough for Prometheus to start and scrape a few times, on a busy machine too. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void scrapesALabelledTargetAndAnswersTheDashboardsQuery(@TempDir Path dir) throws IOException {
        Path executable = Prometheus.onPath().orElseThrow(() -> new AssertionError(
                "prometheus is not on the PATH: install it (Debian: apt-get install prometheus; .ci/run does)"));
        AtomicInteger scrapes = new AtomicInteger();
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Ten orders paid per scrape, one a second: a rate of about 10/s.
        target.createContext("/metrics", exchange -> {
            int n = scrapes.incrementAndGet();
            byte[] body = ("# TYPE orders_settled_total counter\norders_settled_total{status=\"PAID\"} " + 10 * n + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        target.start();
        try (Prometheus prometheus = Prometheus.start(executable, List.of(new Prometheus.Target("orders",
                target.getAddress().getPort())), "benchmark", dir, dir.resolve("logs"))) {
            assertThat(Files.readString(dir.resolve(Prometheus.CONFIGURATION)), containsString("scrape_interval: 1s"));
            Dashboard.Panel settled = Dashboard.read(Repository.root().resolve(DashboardPicture.DASHBOARD)).charts().getFirst();
            String expr = Dashboard.promql(settled.queries().getFirst().expr(),
                    java.util.Map.of("namespace", "benchmark", "__rate_interval", DashboardPicture.RATE_INTERVAL));
            List<QueryRange.Series> answer = List.of();
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline) && (answer.isEmpty() || answer.getFirst().points().size() < 2)) {
                sleep();
                Instant now = Instant.now();
                answer = prometheus.queryRange(expr, now.minusSeconds(10), now, DashboardPicture.STEP);
            }
            assertThat("the rate of a scraped counter, from " + prometheus.uri(), answer, hasSize(1));
            assertThat(answer.getFirst().labels(), hasEntry("status", "PAID"));
            assertThat(Dashboard.legend(settled.queries().getFirst().legendFormat(), answer.getFirst().labels()), is("PAID"));
            double last = answer.getFirst().points().getLast()[1];
            assertThat("orders per second: 10 per scrape, a scrape a second", last, closeTo(10, 5));

            Instant now = Instant.now();
            List<QueryRange.Series> raw = prometheus.queryRange("orders_settled_total", now.minusSeconds(4), now,
                    DashboardPicture.STEP);
            assertThat(raw.getFirst().labels(), hasEntry("app_kubernetes_io_component", "orders"));
            assertThat(raw.getFirst().labels(), hasEntry("namespace", "benchmark"));
        } finally {
            target.stop(0);
        }
        assertThat("Prometheus wrote its data where it was told", Files.isDirectory(dir.resolve("prometheus")), is(true));
        assertThat(Files.readString(dir.resolve("logs/prometheus.log")), not(containsString("level=error")));
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
