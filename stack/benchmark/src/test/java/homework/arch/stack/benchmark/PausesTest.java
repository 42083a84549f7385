package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services' GC pauses in a window are read from the lines their JVMs write with -Xlog:gc. */
class PausesTest {

    @TempDir
    Path logs;

    @Test
    void thePausesInTheWindowCountAndTheLongestIsNamed() throws IOException {
        Files.write(logs.resolve("orders-gc.log"), List.of(
                "[2026-12-07T23:18:09.000+0000][300.000s] GC(100) Pause Young (Allocation Failure) 70M->42M(91M) 50.000ms",
                "[2026-12-07T23:18:20.971+0000][322.032s] GC(108) Pause Young (Allocation Failure) 70M->42M(91M) 23.666ms",
                "[2026-12-07T23:18:30.000+0000][331.061s] Using Serial",
                "[2026-12-07T23:18:45.034+0000][346.095s] GC(109) Pause Full (Metadata GC Threshold) 56M->31M(91M) 120.5ms",
                "[2026-12-07T23:19:11.000+0000][372.000s] GC(110) Pause Young (Allocation Failure) 70M->42M(91M) 80.000ms"));
        Files.write(logs.resolve("billing-gc.log"), List.of(
                "[2026-12-07T23:18:40.531+0100][381.910s] GC(79) Pause Young (Allocation Failure) 60M->31M(88M) 16.41ms"));

        Pauses pauses = Pauses.ofReplicas(logs, List.of("orders", "billing", "users"),
                Instant.parse("2026-12-07T23:18:10Z"), Instant.parse("2026-12-07T23:19:10Z"));

        assertThat(pauses.pauses().stream().map(Pauses.Pause::kind).toList(), contains("Young", "Full"));
        assertThat(pauses.totalMillis(), closeTo(144.166, 0.001));
        assertThat(pauses.longest().orElseThrow().jvm(), is("orders"));
        assertThat(pauses.longest().orElseThrow().at(), is(Instant.parse("2026-12-07T23:18:45.034Z")));
    }
}
