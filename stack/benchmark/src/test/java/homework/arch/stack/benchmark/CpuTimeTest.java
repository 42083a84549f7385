package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

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
        assertThat(child.waitFor(), is(0));
        Duration measured = CpuTime.ofEndedChildren().minus(before);

        // What the child had used a moment before its exit, less the kernel's rounding to 10 ms ticks.
        Duration own = Duration.parse(said);
        assertThat(said, own, greaterThanOrEqualTo(Duration.ofMillis(400)));
        String window = measured + " measured, " + own + " used before exiting";
        assertThat(window, measured, greaterThanOrEqualTo(own.minusMillis(20)));
        assertThat(window, measured, lessThan(own.plusSeconds(5)));
    }

    @Test
    void theStacksTotalLeavesTheLoadGeneratorOut() {
        Map<String, Duration> used = new LinkedHashMap<>();
        used.put("orders", Duration.ofMillis(300));
        used.put("Kafka", Duration.ofMillis(100));
        CpuTime cpu = new CpuTime(used).with(CpuTime.LOAD_GENERATOR, Duration.ofMillis(50));

        assertThat(cpu.total(), is(Duration.ofMillis(450)));
        assertThat(cpu.stack(), is(Duration.ofMillis(400)));
        assertThat(new CpuTime(used).stack(), is(Duration.ofMillis(400)));
    }
}
