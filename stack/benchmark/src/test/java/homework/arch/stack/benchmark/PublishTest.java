package homework.arch.stack.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The published table and plots come from a run's own output files, and nothing else changes. */
class PublishTest {

    private static final long START = 1_796_191_680L;

    private static final String PERFORMANCE = "# Performance\n\nintro\n\n" + Publish.BEGIN + "\nold table\n" + Publish.END
            + "\n\nafter\n";

    @Test
    void writesTheTableBetweenTheMarkersAndThreePlots(@TempDir Path dir) throws IOException {
        Path out = run(dir.resolve("out"));
        Path repo = repo(dir.resolve("repo"));

        Publish.publish(out, repo);

        String doc = Files.readString(repo.resolve("docs/performance.md"));
        assertThat("the run's output folder is not one of its options", doc, startsWith("# Performance\n\nintro\n\n"
                + Publish.BEGIN + "\nRun of 2026-12-02 at commit abc1234 (`stack/benchmark/run --warmup-seconds 120`):"));
        assertThat(doc, containsString("| ready (Stack.start, fresh data folder) | 20.0 s |"));
        assertThat(doc, containsString("| throughput the whole pipeline sustains (best 5 s) | 30 orders/s |"));
        assertThat(doc, not(containsString("old table")));
        assertThat(doc, not(containsString("Round trips")));
        assertThat(doc, endsWith(Publish.END + "\n\nafter\n"));
        for (String image : List.of(Publish.THROUGHPUT, Publish.LATENCY, Publish.CPU)) {
            String svg = Files.readString(repo.resolve("docs/images").resolve(image));
            assertThat(image, svg, startsWith("<svg"));
            assertThat(image, svg, containsString("abc1234"));
        }
        assertThat(Files.readString(repo.resolve("docs/images").resolve(Publish.THROUGHPUT)), containsString("<polyline"));
        assertThat(Files.readString(repo.resolve("docs/images").resolve(Publish.CPU)), containsString("orders"));
        assertThat("the positive lag on the latency's log scale",
                Files.readString(repo.resolve("docs/images").resolve(Publish.LATENCY)), containsString("log scale"));
        assertThat(Files.readString(repo.resolve(StylesTable.DOC)), containsString("| `http-broker` | `abc1234`"));
    }

    @Test
    void aRunInAnotherStyleWritesOnlyItsRowIntoTheDocsAndItsPlotsBesideIt(@TempDir Path dir) throws IOException {
        Path out = run(dir.resolve("out"), "http-only", -20);
        Path repo = repo(dir.resolve("repo"));
        Publish.publish(run(dir.resolve("default"), "http-broker", 30), repo);
        String performance = Files.readString(repo.resolve("docs/performance.md"));
        String throughput = Files.readString(repo.resolve("docs/images").resolve(Publish.THROUGHPUT));

        List<Path> written = Publish.publish(out, repo);

        assertThat(written, not(hasItem(repo.resolve("docs/performance.md"))));
        assertThat(Files.readString(repo.resolve("docs/performance.md")), is(performance));
        assertThat(Files.readString(repo.resolve("docs/images").resolve(Publish.THROUGHPUT)), is(throughput));
        String styles = Files.readString(repo.resolve(StylesTable.DOC));
        assertThat(styles, containsString("| `http-broker` | `abc1234`"));
        assertThat(styles, containsString("| `http-only` | `abc1234`"));
        for (String image : List.of(Publish.THROUGHPUT, Publish.LATENCY, Publish.CPU)) {
            Path plot = out.resolve(Publish.RUN_IMAGES).resolve(image);
            assertThat(written, hasItem(plot));
            assertThat(image, Files.readString(plot), containsString("style http-only"));
        }
    }

    @Test
    void aCheckoutWithoutTheStylesMarkersIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        Path out = run(dir.resolve("out"));
        Path repo = repo(dir.resolve("repo"));
        Files.writeString(repo.resolve(StylesTable.DOC), "# Styles\n\nno markers\n");

        assertThrows(IllegalStateException.class, () -> Publish.publish(out, repo));

        assertThat(Files.readString(repo.resolve("docs/performance.md")), is(PERFORMANCE));
        assertThat(Files.exists(repo.resolve("docs/images")), is(false));
    }

    @Test
    void aNegativeLagIsDrawnSignedOnALinearScale(@TempDir Path dir) throws IOException {
        Path out = run(dir.resolve("out"), "http-only", -20);
        Publish.publish(out, repo(dir.resolve("repo")));

        String svg = Files.readString(out.resolve(Publish.RUN_IMAGES).resolve(Publish.LATENCY));
        assertThat(svg, containsString("the lag is signed"));
        assertThat(svg, not(containsString("log scale")));
        assertThat("both latencies and both lags drawn", svg.split("<polyline").length - 1, is(4));
        assertThat("an axis below 0", svg, containsString(">-20</text>"));
        assertThat(Publish.bins(RunRecord.read(out), GatlingSeries.read(out.resolve("gatling/ramp/r1"))).get(0).lagP50(),
                is(-20.0));
    }

    @Test
    void binsAverageTheOfferedRateAndCountSettledOrdersAndTheirLetters(@TempDir Path dir) {
        Path out = run(dir);
        List<Publish.Bin> bins = Publish.bins(RunRecord.read(out), GatlingSeries.read(out.resolve("gatling/ramp/r1")));
        assertThat(bins, hasSize(2));
        assertThat(bins.get(0).offered(), is(2.0));
        assertThat(bins.get(0).settled(), is(10.0 / 5));
        assertThat(bins.get(0).p50(), is(40.0));
        assertThat(bins.get(0).p99(), is(90.0));
        assertThat(bins.get(0).lagP50(), is(30.0));
    }

    @Test
    void aDocumentWithoutTheMarkersIsRefused() {
        assertThrows(IllegalStateException.class, () -> Publish.replaceTable("# no markers\n", "t"));
    }

    @Test
    void axesEndOnRoundNumbers() {
        assertThat(Chart.niceTop(256), is(300.0));
        assertThat(Chart.niceTop(47), is(50.0));
        assertThat(Chart.niceTop(0), is(1.0));
    }

    /** A ramp of ten seconds: two orders offered and answered per second, each settled 50 ms later, letters 30 ms after. */
    private static Path repo(Path repo) throws IOException {
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/performance.md"), PERFORMANCE);
        Files.writeString(repo.resolve(StylesTable.DOC), StylesTable.BEGIN + "\n" + StylesTable.END + "\n");
        return repo;
    }

    private static Path run(Path out) {
        return run(out, "http-broker", 30);
    }

    /** The same, in {@code style}, each letter {@code lagMillis} after its order's final status (before, if negative). */
    private static Path run(Path out, String style, long lagMillis) {
        try {
            Files.createDirectories(out.resolve("gatling/ramp/r1"));
            StringBuilder requests = new StringBuilder("[");
            StringBuilder percentiles = new StringBuilder("[");
            List<OrderLog.Order> orders = new ArrayList<>();
            for (long s = START; s < START + 10; s++) {
                requests.append(s == START ? "" : ",").append("[").append(s).append(",[2,2,0]]");
                percentiles.append(s == START ? "" : ",").append("[").append(s).append(",[10,20,40,50,50,60,60,70,")
                        .append(s == START + 1 ? 90 : 80).append(",100]]");
                for (int i = 0; i < 2; i++) {
                    Instant created = Instant.ofEpochSecond(s).plusMillis(100 + i * 300);
                    Instant settled = created.plusMillis(50);
                    orders.add(new OrderLog.Order(UUID.randomUUID(), i == 0 ? "PAID" : "CANCELLED", created, settled,
                            settled.plusMillis(lagMillis)));
                }
            }
            Files.writeString(out.resolve("gatling/ramp/r1/index.html"), "<script>\nvar requests = unpack("
                    + requests + "]);\nvar responsetimepercentilesovertimeokPercentiles = unpack(" + percentiles + "]);\n");
            Properties run = new Properties();
            run.setProperty("style", style);
            run.setProperty("date", "2026-12-02");
            run.setProperty("commit", "abc1234");
            run.setProperty("arguments", "--out " + out + " --warmup-seconds 120");
            run.setProperty("cores", "2");
            run.setProperty("rampStart", Instant.ofEpochSecond(START).toString());
            run.setProperty("rampEnd", Instant.ofEpochSecond(START + 10).toString());
            run.setProperty("rampFrom", "2");
            run.setProperty("rampTo", "2");
            Map<String, Double> cpu = new LinkedHashMap<>();
            cpu.put("orders", 2.0);
            cpu.put("PostgreSQL (all processes)", 1.5);
            cpu.put("all", 3.5);
            new RunRecord(run, orders, cpu).write(out);
            Files.writeString(out.resolve("summary.md"), "# Order-flow benchmark\n\nMachine: 2 cores.\n\n"
                    + "| measure | value |\n|---|---|\n| ready (Stack.start, fresh data folder) | 20.0 s |\n"
                    + "| throughput the whole pipeline sustains (best 5 s) | 30 orders/s |\n\n"
                    + "Round trips to PostgreSQL in the same minute\n\n| database | x |\n");
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
