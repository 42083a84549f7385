package homework.arch.stack.benchmark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A phase starts once the stack's own processes have used less than a quarter of a core for a window. */
class QuietTest {

    private static final Duration WINDOW = Duration.ofSeconds(3);

    @Test
    void theStacksUseBelowAQuarterOfACoreIsQuiet() {
        assertTrue(Quiet.isQuiet(used(Duration.ofMillis(700), Duration.ZERO), WINDOW));
        assertFalse(Quiet.isQuiet(used(Duration.ofMillis(750), Duration.ZERO), WINDOW));
    }

    @Test
    void theLoadGeneratorDoesNotCount() {
        assertTrue(Quiet.isQuiet(used(Duration.ofMillis(700), Duration.ofSeconds(2)), WINDOW));
    }

    private static CpuTime used(Duration postgres, Duration loadGenerator) {
        return new CpuTime(Map.of("PostgreSQL (all processes)", postgres)).with(CpuTime.LOAD_GENERATOR, loadGenerator);
    }
}
