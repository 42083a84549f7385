package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import homework.arch.stack.fixtures.Repository;
import org.junit.jupiter.api.Test;

/** The styles' table in docs/interaction-styles.md: one row per style, each run replacing its own style's only. */
class StylesTableTest {

    private static final String DOC = "# Styles\n\n## Comparison\n\nintro\n\n" + StylesTable.BEGIN + "\n"
            + "No run published yet.\n" + StylesTable.END + "\n\nafter\n";

    @Test
    void aRowNamesTheRunAndEveryMeasureSignedWhereALetterPrecedesItsOrder() {
        String row = StylesTable.row(record("http-only", -4, 12));

        assertThat(row, startsWith("| `http-only` | `abc1234`, 2026-12-06, `--warmup-seconds 120` | 300/s | 400/s | 390/s "
                + "| 0.40 (1000/s) | 6 / 30 ms at 200/s | 6 / 30 ms (the POST's answer) | -4 / 12 ms | 5.0 ms "));
        // The three largest processes of the stack, the load generator left out; the totals are no process.
        assertThat(row, endsWith("| PostgreSQL (all processes) 1.5, orders 1.4, billing 0.9 ms |"));
        assertThat(row, not(containsString(CpuTime.LOAD_GENERATOR)));
        assertThat(StylesTable.styleOf(row), is("http-only"));
        assertThat("as many cells as the header", row.split("\\|").length,
                is(StylesTable.HEADER.lines().findFirst().orElseThrow().split("\\|").length));
    }

    @Test
    void aMeasureTheRunDidNotRecordIsADash() {
        Properties old = properties("http-broker", 0, 0);
        old.remove("closedPerSecond");
        old.remove("letterLagP50");
        old.remove("style");
        RunRecord record = new RunRecord(old, List.of(), Map.of(RunRecord.ALL, 5.0));

        assertThat("a run that names no style ran in the default", record.style(), is("http-broker"));
        String row = StylesTable.row(record);
        assertThat(row, startsWith("| `http-broker` | `abc1234`, 2026-12-06, `--warmup-seconds 120` | — | 400/s |"));
        assertThat(row, containsString("| — | — | — |"));
    }

    @Test
    void eachStylesRowIsReplacedInPlaceOrAddedAndTheOtherRowsAreKept() {
        String once = StylesTable.withRow(DOC, "http-broker", "| `http-broker` | first |");
        assertThat("what stood between the markers", once, not(containsString("No run published yet.")));
        String twice = StylesTable.withRow(once, "http-only", "| `http-only` | first |");
        String again = StylesTable.withRow(twice, "http-broker", "| `http-broker` | second |");

        assertThat(again, startsWith("# Styles\n\n## Comparison\n\nintro\n\n" + StylesTable.BEGIN + "\n" + StylesTable.HEADER));
        assertThat(again, endsWith(StylesTable.END + "\n\nafter\n"));
        assertThat(rows(again), contains("| `http-broker` | second |", "| `http-only` | first |"));
        // A style this checkout does not know (a later branch's) keeps its row too.
        String other = StylesTable.withRow(again, "event-collaboration", "| `event-collaboration` | x |");
        assertThat(rows(StylesTable.withRow(other, "http-only", "| `http-only` | second |")),
                contains("| `http-broker` | second |", "| `http-only` | second |", "| `event-collaboration` | x |"));
    }

    @Test
    void aDocumentWithoutTheMarkersIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> StylesTable.withRow("# Styles\n\n" + StylesTable.END + "\n", "http-only", "| `http-only` |"));
        assertThat(refused.getMessage(), containsString(StylesTable.BEGIN));
        assertThrows(IllegalStateException.class, () -> StylesTable.withRow(StylesTable.BEGIN + "\n", "http-only", "| x |"));
    }

    @Test
    void theDocumentHasTheMarkersUnderItsComparisonAndTheWritersHeader() throws IOException {
        String doc = Files.readString(Repository.root().resolve(StylesTable.DOC));

        assertThat(doc.indexOf(StylesTable.BEGIN), is(doc.indexOf("<!-- styles-benchmark:begin")));
        assertThat(doc.indexOf("## Comparison"), lessThan(doc.indexOf(StylesTable.BEGIN)));
        assertThat(doc.substring(doc.indexOf(StylesTable.BEGIN), doc.indexOf(StylesTable.END)),
                containsString(StylesTable.HEADER));
    }

    private static List<String> rows(String doc) {
        String table = doc.substring(doc.indexOf(StylesTable.HEADER) + StylesTable.HEADER.length(),
                doc.indexOf(StylesTable.END));
        return table.lines().toList();
    }

    @Test
    void aStyleThatAnswersPendingSaysTheSettledTimeWasReadBack() {
        Properties run = properties("event-collaboration", 30, 70);
        run.setProperty("settledP50", "41");
        run.setProperty("settledP99", "95");
        run.setProperty("settledMeasuredBy", Settled.READ_BACK + "; 600 orders, 0 not settled when read");

        String row = StylesTable.row(new RunRecord(run, List.of(), Map.of(RunRecord.STACK, 6.0)));

        assertThat(row, containsString("| 6 / 30 ms at 200/s | 41 / 95 ms (read back: updatedAt − POST sent) | 30 / 70 ms |"));
        assertThat(StylesTable.styleOf(row), is("event-collaboration"));
    }

    static RunRecord record(String style, double lagP50, double lagP99) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("PostgreSQL (all processes)", 1.5);
        cpu.put("orders", 1.4);
        cpu.put("billing", 0.9);
        cpu.put(CpuTime.LOAD_GENERATOR, 0.7);
        cpu.put("notifications", 0.3);
        cpu.put(RunRecord.STACK, 5.0);
        cpu.put(RunRecord.ALL, 5.7);
        return new RunRecord(properties(style, lagP50, lagP99), List.of(), cpu);
    }

    private static Properties properties(String style, double lagP50, double lagP99) {
        Properties run = new Properties();
        run.setProperty("style", style);
        run.setProperty("date", "2026-12-06");
        run.setProperty("commit", "abc1234");
        run.setProperty("arguments", "--style " + style + " --warmup-seconds 120 --publish");
        run.setProperty("closedPerSecond", "300.4");
        run.setProperty("saturation", "400");
        run.setProperty("pipelineSaturation", "390");
        run.setProperty("databaseLimit", "1000");
        run.setProperty("fixedRate", "200");
        run.setProperty("fixedP50", "6");
        run.setProperty("fixedP99", "30");
        run.setProperty("settledP50", "6");
        run.setProperty("settledP99", "30");
        run.setProperty("settledMeasuredBy", Settled.IN_THE_ANSWER);
        run.setProperty("letterLagP50", String.valueOf(lagP50));
        run.setProperty("letterLagP99", String.valueOf(lagP99));
        return run;
    }
}
