package homework.arch.stack.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import homework.arch.stack.fixtures.Jdk;
import org.junit.jupiter.api.Test;

/** The load generator's CPU time counts whole, beside the stack's and not in it. */
class CpuTimeTest {

    @Test
    void anEndedChildsCpuTimeCountsUpToItsExit() throws IOException, InterruptedException {
        Duration before = CpuTime.ofEndedChildren();
        Process child = new ProcessBuilder(Jdk.java().toString(), "-cp", System.getProperty("java.class.path"),
                Burner.class.getName(), "400").start();
        String said = new String(child.getInputStream().readAllBytes()).trim().split(" ")[0];
        assertEquals(0, child.waitFor());
        Duration measured = CpuTime.ofEndedChildren().minus(before);

        // What the child had used a moment before its exit, less the kernel's rounding to 10 ms ticks.
        Duration own = Duration.parse(said);
        assertTrue(own.compareTo(Duration.ofMillis(400)) >= 0, said);
        assertTrue(measured.compareTo(own.minusMillis(20)) >= 0, measured + " measured, " + own + " used before exiting");
        assertTrue(measured.compareTo(own.plusSeconds(5)) < 0, measured + " measured, " + own + " used before exiting");
    }

    @Test
    void theStacksTotalLeavesTheLoadGeneratorOut() {
        Map<String, Duration> used = new LinkedHashMap<>();
        used.put("orders", Duration.ofMillis(300));
        used.put("Kafka", Duration.ofMillis(100));
        CpuTime cpu = new CpuTime(used).with(CpuTime.LOAD_GENERATOR, Duration.ofMillis(50));

        assertEquals(Duration.ofMillis(450), cpu.total());
        assertEquals(Duration.ofMillis(400), cpu.stack());
        assertEquals(Duration.ofMillis(400), new CpuTime(used).stack());
    }
}
