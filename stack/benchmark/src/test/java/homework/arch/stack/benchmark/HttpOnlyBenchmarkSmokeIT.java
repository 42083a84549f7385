package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import homework.arch.stack.StackStyle;
import org.junit.jupiter.api.Test;

/**
 * The benchmark in style http-only, which runs no Kafka and no relay: the smoke run of
 * {@link BenchmarkSmokeIT} on a stack in that style must report every measure without them, and
 * its publishing, into a scratch copy of the docs, must leave docs/performance.md (the default
 * style's page) as it was and write the style's row beside the default style's.
 */
class HttpOnlyBenchmarkSmokeIT {

    @Test
    void runsWithoutABrokerAndPublishesOnlyItsStylesRow() throws IOException {
        Path out = Path.of("target/benchmark-smoke-http-only");
        Path summary = Benchmark.run(Settings.smoke(out).withStyle(StackStyle.HTTP_ONLY), "--smoke --style http-only");

        String text = Files.readString(summary);
        assertThat(text, containsString("Style: http-only"));
        assertThat(RunRecord.read(out).style(), is("http-only"));
        // Neither Kafka nor Debezium Server ran: no row of theirs in the memory table or the CPU table.
        assertThat(text, not(containsString("| " + StackProcesses.KAFKA + " |")));
        assertThat(text, not(containsString("| " + StackProcesses.DEBEZIUM + " |")));
        assertThat(text, containsString("| notifications |"));
        assertThat(text, containsString("| **" + RunRecord.STACK + "** |"));
        assertThat(text, containsString("database write limit"));
        // Every settled order has its letter, stored through notifications' HTTP API before the order was final.
        assertThat(text, containsString("; 0 letters still missing then"));
        Matcher lag = Pattern.compile("order → letter lag at the fixed rate [^|]*\\| (-?[0-9]+) / (-?[0-9]+) \\((-?[0-9]+)\\) "
                + "ms; 0 of ([0-9]+) letters missing").matcher(text);
        assertThat("the lag, signed, of every letter:\n" + text, lag.find(), is(true));
        assertThat(Integer.parseInt(lag.group(4)), greaterThan(0));
        assertThat(text, containsString("time until the order is settled at the fixed rate p50 / p99"));
        // No event is written or consumed: the statement profile has no outbox and no processed event.
        assertThat(text, containsString("| notifications | `"));
        assertThat(text, not(containsString("outbox")));
        assertThat(text, not(containsString("processed_events")));
        assertThat("the smoke rate placed orders without errors:\n" + text, text, containsString("0 of "));
        if (Prometheus.onPath().isPresent()) {
            assertThat(Files.readString(out.resolve(Prometheus.CONFIGURATION)), not(containsString(DashboardPicture.RELAY)));
        }

        Path repo = out.resolve("publish");
        Files.createDirectories(repo.resolve("docs"));
        String performance = Publish.BEGIN + "\nthe default style's run\n" + Publish.END + "\n";
        Files.writeString(repo.resolve(Publish.PERFORMANCE), performance);
        String broker = "| `http-broker` | the default style's row |";
        Files.writeString(repo.resolve(StylesTable.DOC), StylesTable.BEGIN + "\n" + StylesTable.HEADER + broker + "\n"
                + StylesTable.END + "\n");

        List<Path> written = Publish.publish(out.toAbsolutePath(), repo);

        assertThat(Files.readString(repo.resolve(Publish.PERFORMANCE)), is(performance));
        assertThat("docs/images/ is the default style's", Files.exists(repo.resolve("docs/images")), is(false));
        String styles = Files.readString(repo.resolve(StylesTable.DOC));
        assertThat(styles, containsString(broker + "\n| `http-only` | `"));
        assertThat(styles, containsString(", a smoke run"));
        for (String image : new String[] {Publish.THROUGHPUT, Publish.LATENCY, Publish.CPU}) {
            Path plot = out.toAbsolutePath().resolve(Publish.RUN_IMAGES).resolve(image);
            assertThat(written, hasItem(plot));
            assertThat(image, Files.readString(plot), startsWith("<svg"));
        }
    }
}
