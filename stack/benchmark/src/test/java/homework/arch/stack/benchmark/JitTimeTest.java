package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.Map;

import homework.arch.stack.fixtures.Jdk;
import org.junit.jupiter.api.Test;

/** The JIT compilers' CPU time is read per thread, and only theirs counts. */
class JitTimeTest {

    @Test
    void onlyTheCompilerThreadsTicksCount() {
        String c2 = "4242 (C2 CompilerThre) S 4200 4200 0 0 -1 1077936192 100 0 0 0 130 7 0 0 20 0 40 0";
        String c1 = "4243 (C1 CompilerThre) S 4200 4200 0 0 -1 1077936192 100 0 0 0 12 3 0 0 20 0 40 0";
        String worker = "4244 (ForkJoinPool-1-) S 4200 4200 0 0 -1 1077936192 100 0 0 0 900 80 0 0 20 0 40 0";
        String spaced = "4245 (a (C2 CompilerThre) S 4200 4200 0 0 -1 1077936192 100 0 0 0 900 80 0 0 20 0 40 0";

        assertThat(JitTime.compilerTicks(c2), is(137L));
        assertThat(JitTime.compilerTicks(c1), is(15L));
        assertThat(JitTime.compilerTicks(worker), is(0L));
        assertThat(JitTime.compilerTicks(spaced), is(0L));
        assertThat(JitTime.compilerTicks(""), is(0L));
    }

    @Test
    void aJvmThatCompilesEverythingShowsItsCompilersTimeWithinItsOwn() throws Exception {
        // -Xcomp compiles every method before its first call: seconds of compiler time in any JVM's start.
        Process child = new ProcessBuilder(Jdk.java().toString(), "-Xcomp", "-cp", System.getProperty("java.class.path"),
                Burner.class.getName(), "100", "wait").start();
        try {
            new BufferedReader(new InputStreamReader(child.getInputStream())).readLine();
            Duration compilers = JitTime.ofProcess(child.pid());
            Duration whole = child.info().totalCpuDuration().orElseThrow();

            assertThat(compilers + " of " + whole, compilers, greaterThan(Duration.ofMillis(100)));
            assertThat(compilers + " of " + whole, compilers, lessThanOrEqualTo(whole.plusMillis(10)));
        } finally {
            child.getOutputStream().close();
            child.waitFor();
        }
        assertThat(JitTime.ofProcess(child.pid()), is(Duration.ZERO));
    }

    @Test
    void aPhasesTimeIsTheDifferenceAndTheMostIsNamed() {
        CpuTime before = new CpuTime(Map.of("orders", Duration.ofMillis(900), "Kafka", Duration.ofMillis(100)));
        CpuTime after = new CpuTime(Map.of("orders", Duration.ofMillis(1000), "Kafka", Duration.ofMillis(400)));

        CpuTime phase = after.since(before);
        assertThat(phase.total(), is(Duration.ofMillis(400)));
        assertThat(phase.most(), is("Kafka"));
        assertThat(before.since(before).most(), is("none"));
    }
}
