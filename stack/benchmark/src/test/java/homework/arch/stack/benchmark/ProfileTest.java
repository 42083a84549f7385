package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import homework.arch.stack.fixtures.Jdk;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile of a JVM names the method that burnt its CPU, on top of the stack and under its callers. */
class ProfileTest {

    private static final String BURN = Burner.class.getName() + ".burn";

    @Test
    void theMethodThatBurnsTheCpuLeadsBothLists(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("this.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(Profile.EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.ActiveSetting");
            recording.start();
            burnFor(Duration.ofMillis(800));
            recording.stop();
            recording.dump(file);
        }

        // Every frame under the burning one is in as many samples (JUnit's among them): all of them, to compare.
        Profile profile = Profile.read(file, 100);

        assertThat(profile.toString(), profile.samples(), greaterThanOrEqualTo(20L));
        assertThat(profile.period(), is("10 ms"));
        assertThat(profile.toString(), profile.self().getFirst().method(), is(BURN));
        assertThat(profile.toString(), profile.percent(profile.self().getFirst()), greaterThan(50.0));
        long burnt = profile.self().getFirst().samples();
        for (String method : List.of(BURN, ProfileTest.class.getName() + ".burnFor")) {
            assertThat(method + " in " + profile.total(),
                    profile.total().stream().anyMatch(s -> s.method().equals(method) && s.samples() >= burnt), is(true));
        }
        // The test's own class is "our code": in every sample that burnt.
        assertThat(profile.libraries().toString(),
                profile.libraries().stream().anyMatch(s -> s.method().equals("our code") && s.samples() >= burnt), is(true));
        Profile top = Profile.read(file, 2);
        assertThat(top.toString(), top.self().size(), lessThanOrEqualTo(2));
        assertThat(top.toString(), top.total(), hasSize(2));
        assertThat(top.toString(), top.samples(), is(profile.samples()));
        String text = profile.text("test");
        assertThat(text,
                startsWith("test: " + profile.samples() + " execution samples (a running thread's stack every 10 ms)"));
        assertThat(text, containsString(BURN));
    }

    @Test
    void aMethodBelongsToThePartItsClassIsIn() {
        assertThat(Profile.library("io.helidon.microprofile.faulttolerance.MethodInvoker.get"),
                is(java.util.Optional.of("fault tolerance")));
        assertThat(Profile.library("org.hibernate.validator.internal.engine.ValidatorImpl.validate"),
                is(java.util.Optional.of("Bean Validation")));
        assertThat(Profile.library("org.hibernate.query.sql.internal.NativeQueryImpl.executeUpdate"),
                is(java.util.Optional.of("JPA (Hibernate ORM)")));
        assertThat(Profile.library("java.util.HashMap.getNode"), is(java.util.Optional.empty()));
    }

    @Test
    void aHiddenClassIsNamedWithoutItsAddress() {
        assertThat(Profile.method("homework.arch.platform.trace.Tracing$$Lambda.0x000000004e9d8b48", "apply"),
                is("homework.arch.platform.trace.Tracing$$Lambda.apply"));
        assertThat(Profile.method("java.lang.invoke.LambdaForm$DMH/0x000000009a0c0400", "invokeVirtual"),
                is("java.lang.invoke.LambdaForm$DMH.invokeVirtual"));
        assertThat(Profile.method("java.util.HashMap", "putVal"), is("java.util.HashMap.putVal"));
    }

    @Test
    void periodsReadInMilliseconds() {
        assertThat(Profile.inMillis("10000000 ns"), is("10 ms"));
        assertThat(Profile.inMillis("20 ms"), is("20 ms"));
        assertThat(Profile.inMillis("500 us"), is("0.5 ms"));
        assertThat(Profile.inMillis("1 s"), is("1000 ms"));
        assertThat(Profile.inMillis("endChunk"), is("endChunk"));
    }

    /** jcmd starts and stops a recording in another JVM, and the summary lands beside it. */
    @Test
    void theProfilerRecordsAnotherJvmThroughJcmd(@TempDir Path dir) throws IOException, InterruptedException {
        Process burner = new ProcessBuilder(Jdk.java().toString(), "-cp", System.getProperty("java.class.path"),
                Burner.class.getName(), "60000").start();
        try {
            Profiler profiler = Profiler.start(Map.of("burner", burner.pid(), "gone", Long.MAX_VALUE), dir,
                    dir.resolve("jcmd.log"));
            Thread.sleep(1500);
            Profiler.Result result = profiler.stop();

            Profile profile = result.profiles().get("burner");
            assertThat(profile.period(), is("20 ms"));
            assertThat(profile.toString(), profile.self().getFirst().method(), is(BURN));
            assertThat(Files.readString(dir.resolve("burner.txt")), containsString(BURN));
            assertThat(Files.size(dir.resolve("burner.jfr")), greaterThan(0L));
            assertThat("deeper stacks than JFR's default of 64 frames", Files.readString(dir.resolve("jcmd.log")),
                    containsString("Stack depth: 512"));
            assertThat("a JVM that is not there: " + result, result.missing().keySet(), contains("gone"));
        } finally {
            burner.destroy();
        }
    }

    private static long burnFor(Duration cpu) {
        long until = System.nanoTime() + cpu.toNanos();
        long sink = 0;
        while (System.nanoTime() < until) {
            sink += Burner.burn(sink);
        }
        return sink;
    }
}
