package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The before/after table: medians and ranges of each side's runs, read from their output folders,
 * with runs of a commit older than some measure (the fixture {@code old-run} is what commits before
 * the pipeline saturation and the load generator's CPU wrote) shown without it.
 */
class ComparisonTest {

    @Test
    void theSpreadIsTheMedianAndTheRangeOfTheRunsThatRecordedIt() {
        assertThat(Comparison.Spread.of(List.of(3.0, 1.0, 2.0)), is(Optional.of(new Comparison.Spread(2, 1, 3, 3))));
        assertThat(Comparison.Spread.of(List.of(4.0, 1.0, 3.0, 2.0)), is(Optional.of(new Comparison.Spread(2.5, 1, 4, 4))));
        assertThat(Comparison.Spread.of(List.of(Double.NaN, 5.0)), is(Optional.of(new Comparison.Spread(5, 5, 5, 1))));
        assertThat(Comparison.Spread.of(List.of(Double.NaN)), is(Optional.empty()));
        assertThat(Comparison.Spread.of(List.of()), is(Optional.empty()));
    }

    @Test
    void aRunsNumbersComeFromItsPropertiesAndItsCpuFile() {
        Comparison.Run run = Comparison.read(fixture("new-run")).orElseThrow();

        assertThat(run.commit(), is("54fdd9f"));
        assertThat("the output folder is not an argument of the comparison", run.arguments(), is(""));
        Map<String, Double> n = run.numbers();
        assertThat(n.get("pipelineSaturation"), is(151.2));
        assertThat(n.get("ratio"), closeTo(221.0 / 700.0, 1e-12));
        assertThat(n.get(Comparison.CPU + CpuTime.LOAD_GENERATOR), is(1.2));
        assertThat(n.get(Comparison.CPU + RunRecord.STACK), is(10.4));
        assertThat(n.get(Comparison.CPU + RunRecord.ALL), is(11.6));
        assertThat(n.get("leadInP99"), is(1900.0));
        assertThat(n.get("peakPssMb"), is(2330.0));
    }

    @Test
    void anOlderRunsAllIsTheStacksAndItLacksTheNewerMeasures() {
        Map<String, Double> n = Comparison.read(fixture("old-run")).orElseThrow().numbers();

        assertThat(n.get(Comparison.CPU + RunRecord.STACK), is(10.6));
        assertThat("its all left the load generator out", n, not(hasKey(Comparison.CPU + RunRecord.ALL)));
        assertThat(n, not(hasKey("pipelineSaturation")));
        assertThat(n, not(hasKey("fixedP99")));
        assertThat(n.get("ratio"), closeTo(219.4 / 710.2, 1e-12));
    }

    @Test
    void theTableSetsEachSidesMedianAndRangeSideBySide(@TempDir Path dir) throws IOException {
        copy(fixture("old-run"), dir.resolve("before-1"), "219.4", "200.0");
        copy(fixture("old-run"), dir.resolve("before-2"), "219.4", "210.0");
        copy(fixture("new-run"), dir.resolve("after-1"), "221.0", "230.0");
        copy(fixture("new-run"), dir.resolve("after-2"), "221.0", "250.0");
        Files.createDirectories(dir.resolve("after-3")); // a run that stopped before it wrote anything

        String md = Comparison.write(dir);

        assertThat(Files.readString(dir.resolve(Comparison.FILE)), is(md));
        assertThat(md, startsWith("# Before and after\n\nBefore: `7378092`; after: `54fdd9f`. 2 and 2 runs, alternating "
                + "(before-1, after-1, before-2, after-2)"));
        assertThat(md, containsString("Unfinished, left out: after-3."));
        assertThat(md, containsString("| saturation (orders/s) | 205 (200–210) | 240 (230–250) | +17 % |"));
        assertThat(md, containsString("| pipeline saturation (orders/s) | — | 151 (151–151) | — |"));
        assertThat(md, containsString("| CPU per order: all (ms) | — | 11.60 (11.60–11.60) | — |"));
        assertThat(md, containsString("| CPU per order: the stack (all but the load generator and the benchmark) (ms) | 10.60 (10.60–10.60) "
                + "| 10.40 (10.40–10.40) | -2 % |"));
        assertThat(md, containsString("| CPU per order: load generator (Gatling) (ms) | — | 1.20 (1.20–1.20) | — |"));
        assertThat(md, containsString("| CPU per order: orders (ms) | 3.40 (3.40–3.40) | 3.30 (3.30–3.30) | -3 % |"));
        assertThat(md, containsString("| fixed rate's lead-in: errors | — | 125 (125–125) | — |"));
        assertThat(md, containsString("| CPU per order: billing (ms) | 1.80 (1.80–1.80) | 1.80 (1.80–1.80) | 0 % |"));
        assertThat(md, md.indexOf("CPU per order: all (ms)"), lessThan(md.indexOf("CPU per order: orders")));
        assertThat(md, md.indexOf("CPU per order: users"), lessThan(md.indexOf("fixed rate: p99")));
    }

    @Test
    void publishingPutsTheComparisonBetweenItsMarkers(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/performance.md"), "# Performance\n\n" + Comparison.BEGIN + "\nold\n"
                + Comparison.END + "\n\nafter\n");

        Comparison.publish("# Before and after\n\nBefore: `a`.\n\n| measure |\n", dir);

        assertThat(Files.readString(dir.resolve("docs/performance.md")), is("# Performance\n\n" + Comparison.BEGIN
                + "\nBefore: `a`.\n\n| measure |\n" + Comparison.END + "\n\nafter\n"));
    }

    @Test
    void runsInAStyleOtherThanTheDefaultAreNotPublishedIntoTheDefaultStylesPage(@TempDir Path dir) throws IOException {
        copy(fixture("new-run"), dir.resolve("before-1"), "commit=", "style=http-broker\ncommit=");
        copy(fixture("old-run"), dir.resolve("after-1"), "commit=", "commit=");
        Comparison.requireDefaultStyle(dir);

        copy(fixture("new-run"), dir.resolve("after-2"), "commit=", "style=http-only\ncommit=");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Comparison.requireDefaultStyle(dir));
        assertThat(refused.getMessage(), containsString("after-2 ran in style http-only"));
    }

    private static Path fixture(String name) {
        try {
            return Path.of(ComparisonTest.class.getResource("/compare/" + name + "/run.properties").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a run's folder with one number of its run.properties changed. */
    private static void copy(Path run, Path to, String from, String into) throws IOException {
        Files.createDirectories(to);
        Files.copy(run.resolve(RunRecord.CPU), to.resolve(RunRecord.CPU));
        Files.writeString(to.resolve(RunRecord.RUN), Files.readString(run.resolve(RunRecord.RUN)).replace(from, into));
    }
}
