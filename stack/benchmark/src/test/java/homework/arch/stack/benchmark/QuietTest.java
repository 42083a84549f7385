package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A phase starts once the stack's own processes have used less than a quarter of a core for a window. */
class QuietTest {

    private static final Duration WINDOW = Duration.ofSeconds(3);

    @Test
    void theStacksUseBelowAQuarterOfACoreIsQuiet() {
        assertThat(Quiet.isQuiet(used(Duration.ofMillis(700), Duration.ZERO), WINDOW), is(true));
        assertThat(Quiet.isQuiet(used(Duration.ofMillis(750), Duration.ZERO), WINDOW), is(false));
    }

    @Test
    void theLoadGeneratorDoesNotCount() {
        assertThat(Quiet.isQuiet(used(Duration.ofMillis(700), Duration.ofSeconds(2)), WINDOW), is(true));
    }

    private static CpuTime used(Duration postgres, Duration loadGenerator) {
        return new CpuTime(Map.of("PostgreSQL (all processes)", postgres)).with(CpuTime.LOAD_GENERATOR, loadGenerator);
    }
}
