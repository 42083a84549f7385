package homework.arch.stack.chaos;

import java.time.LocalDate;
import java.util.List;

import homework.arch.stack.fixtures.RecordedRuns;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** A published run lands in its own suite's block, reads back as what was run, and leaves the other blocks be. */
class PublishedRunTest {

    private static final String DOC = """
            # Guarantees

            %s
            Not recorded yet: `stack/chaos --publish`.
            %s

            Between the blocks.

            %s
            Recorded by `stack/chaos --replicas 2 --publish` at commit 9cf2d2c, work tree clean, on 2026-12-02: %s.

            | fault | kept |
            %s
            """.formatted(RecordedRuns.begin("chaos"), RecordedRuns.end("chaos"), RecordedRuns.begin("chaos-2-replicas"),
            RecordedRuns.PASSED, RecordedRuns.end("chaos-2-replicas"));

    @Test
    void aPassedRunReplacesItsSuitesBlockOnlyAndReadsBackAsRun() {
        String block = PublishedRun.block("stack/chaos --minutes 6 --publish", "abc1234", true, LocalDate.of(2026, 12, 7), 2, 6.0,
                42, List.of(result("postgres", true)));
        String doc = RecordedRuns.withBlock(DOC, "chaos", block);

        assertThat(block, startsWith("Recorded by `stack/chaos --minutes 6 --publish` at commit abc1234, work tree clean, on"
                + " 2026-12-07 (2 cores, seed 42, 6 minutes of load): " + RecordedRuns.PASSED + "."));
        assertThat(doc, containsString("| postgres | 10 | 4 | 15 | 1 | 0 | 0 | 30.0 s | 40.0 s | 1.0 s | PASS 1/1 |"));
        assertThat(doc, containsString("Between the blocks.\n\n" + RecordedRuns.begin("chaos-2-replicas")
                + "\nRecorded by `stack/chaos --replicas 2 --publish` at commit 9cf2d2c"));
        assertThat(RecordedRuns.blocks(doc), contains(
                new RecordedRuns.Block("chaos", "stack/chaos --minutes 6 --publish", "abc1234", true, true),
                new RecordedRuns.Block("chaos-2-replicas", "stack/chaos --replicas 2 --publish", "9cf2d2c", true, true)));
    }

    @Test
    void aFailedRunOnAChangedWorkTreeReadsBackAsSuch() {
        String block = PublishedRun.block("stack/chaos --minutes 0.5 --publish", "abc1234", false, LocalDate.of(2026, 12, 7), 2,
                0.5, 42, List.of(result("kafka", true), result("orders", false)));

        assertThat(block, containsString("0.5 minutes of load): checks failed for orders (its report.md names them)."));
        assertThat(RecordedRuns.blocks(RecordedRuns.withBlock(DOC, "chaos", block)).getFirst(),
                is(new RecordedRuns.Block("chaos", "stack/chaos --minutes 0.5 --publish", "abc1234", false, false)));
    }

    private static FaultResult result(String component, boolean passed) {
        return new FaultResult(component, 10, 4, 15, 1, 0, 0, 30_000, 20_000, 40_000, 1_000,
                List.of(new Check("every-order-settled", passed, "summary", List.of())), null, null);
    }
}
