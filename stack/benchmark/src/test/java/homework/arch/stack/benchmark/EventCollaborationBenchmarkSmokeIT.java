package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import homework.arch.stack.StackStyle;
import org.junit.jupiter.api.Test;

/**
 * The benchmark in style event-collaboration, where {@code POST /orders} answers {@code 202 PENDING}
 * and events settle the order through three relays: the smoke run of {@link BenchmarkSmokeIT} on a
 * stack in that style must count every POST's 202 as the right answer, measure the time until each
 * order is final by reading it back, give each relay its own rows, find a letter for every settled
 * order, and publish, into a scratch copy of the docs, only its style's row.
 */
class EventCollaborationBenchmarkSmokeIT {

    @Test
    void runsTheSagaThroughThreeRelaysAndPublishesOnlyItsStylesRow() throws IOException {
        Path out = Path.of("target/benchmark-smoke-event-collaboration");
        Path summary = Benchmark.run(Settings.smoke(out).withStyle(StackStyle.EVENT_COLLABORATION),
                "--smoke --style event-collaboration");

        String text = Files.readString(summary);
        assertThat(text, containsString("Style: event-collaboration"));
        assertThat(RunRecord.read(out).style(), is("event-collaboration"));
        // A relay per outbox, each in the memory table and in the CPU table, and Kafka.
        for (String database : StackStyle.EVENT_COLLABORATION.outboxDatabases()) {
            String relay = "| " + StackProcesses.relay(StackStyle.EVENT_COLLABORATION, database) + " |";
            assertThat(relay, text.split(Pattern.quote(relay), -1).length - 1, is(2));
        }
        assertThat(text, not(containsString("| " + StackProcesses.DEBEZIUM + " |")));
        assertThat(text, containsString("| " + StackProcesses.KAFKA + " |"));
        assertThat(text, containsString("| **" + RunRecord.STACK + "** |"));
        // Every POST answered 202 PENDING, which is the style's right answer: no error in any phase.
        assertThat(text, containsString("a placed order answers 202 with PENDING"));
        Matcher errors = Pattern.compile("\\| errors \\(non-202 or timeout\\): ramp / fixed-rate lead-in / fixed \\| "
                + "0 of ([0-9]+) / 0 of ([0-9]+) / 0 of ([0-9]+) \\|").matcher(text);
        assertThat("no POST answered other than 202:\n" + text, errors.find(), is(true));
        assertThat(Long.parseLong(errors.group(3)), greaterThan(0L));
        // The order is final later, by events: the time until then was read back, for every order.
        Matcher settled = Pattern.compile("time until the order is settled at the fixed rate p50 / p99 \\| [0-9]+ / [0-9]+ ms \\("
                + Pattern.quote(Settled.READ_BACK) + "; ([0-9]+) orders, 0 not settled when read\\)").matcher(text);
        assertThat("the settled time, read back:\n" + text, settled.find(), is(true));
        assertThat(Integer.parseInt(settled.group(1)), greaterThan(0));
        assertThat(text, not(containsString("PENDING=")));
        // Every settled order has its letter.
        assertThat(text, containsString("; 0 letters still missing then"));
        Matcher lag = Pattern.compile("order → letter lag at the fixed rate [^|]*\\| (-?[0-9]+) / (-?[0-9]+) \\((-?[0-9]+)\\) "
                + "ms; 0 of ([0-9]+) letters missing").matcher(text);
        assertThat("the lag of every letter:\n" + text, lag.find(), is(true));
        assertThat(Integer.parseInt(lag.group(4)), greaterThan(0));
        // Each service handled its events: billing's outbox and processed events are in the statement profile.
        assertThat(text, containsString("| billing | `"));
        assertThat(text, containsString("processed_events"));
        if (Prometheus.onPath().isPresent()) {
            String configuration = Files.readString(out.resolve(Prometheus.CONFIGURATION));
            assertThat("a scrape target per relay", configuration.split(DashboardPicture.RELAY, -1).length - 1, is(3));
        }

        Path repo = out.resolve("publish");
        Files.createDirectories(repo.resolve("docs"));
        String performance = Publish.BEGIN + "\nthe default style's run\n" + Publish.END + "\n";
        Files.writeString(repo.resolve(Publish.PERFORMANCE), performance);
        String broker = "| `http-broker` | the default style's row |";
        Files.writeString(repo.resolve(StylesTable.DOC), StylesTable.BEGIN + "\n" + StylesTable.HEADER + broker + "\n"
                + StylesTable.END + "\n");

        Publish.publish(out.toAbsolutePath(), repo);

        assertThat(Files.readString(repo.resolve(Publish.PERFORMANCE)), is(performance));
        String styles = Files.readString(repo.resolve(StylesTable.DOC));
        assertThat(styles, containsString(broker + "\n| `event-collaboration` | `"));
        assertThat(styles, containsString(" (read back: updatedAt − POST sent) |"));
        for (String image : new String[] {Publish.THROUGHPUT, Publish.LATENCY, Publish.CPU}) {
            assertThat(image, Files.readString(out.toAbsolutePath().resolve(Publish.RUN_IMAGES).resolve(image)),
                    startsWith("<svg"));
        }
    }
}
