package homework.arch.stack.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        assertTrue(profile.samples() >= 20, profile.toString());
        assertEquals("10 ms", profile.period());
        assertEquals(BURN, profile.self().getFirst().method(), profile.toString());
        assertTrue(profile.percent(profile.self().getFirst()) > 50, profile.toString());
        long burnt = profile.self().getFirst().samples();
        for (String method : List.of(BURN, ProfileTest.class.getName() + ".burnFor")) {
            assertTrue(profile.total().stream().anyMatch(s -> s.method().equals(method) && s.samples() >= burnt),
                    method + " in " + profile.total());
        }
        // The test's own class is "our code": in every sample that burnt.
        assertTrue(profile.libraries().stream().anyMatch(s -> s.method().equals("our code") && s.samples() >= burnt),
                profile.libraries().toString());
        Profile top = Profile.read(file, 2);
        assertTrue(top.self().size() <= 2 && top.total().size() == 2 && top.samples() == profile.samples(), top.toString());
        String text = profile.text("test");
        assertTrue(text.startsWith("test: " + profile.samples() + " execution samples (a running thread's stack every 10 ms)"),
                text);
        assertTrue(text.contains(BURN), text);
    }

    @Test
    void aMethodBelongsToThePartItsClassIsIn() {
        assertEquals(java.util.Optional.of("fault tolerance"), Profile.library(
                "io.helidon.microprofile.faulttolerance.MethodInvoker.get"));
        assertEquals(java.util.Optional.of("Bean Validation"), Profile.library(
                "org.hibernate.validator.internal.engine.ValidatorImpl.validate"));
        assertEquals(java.util.Optional.of("JPA (Hibernate ORM)"), Profile.library(
                "org.hibernate.query.sql.internal.NativeQueryImpl.executeUpdate"));
        assertEquals(java.util.Optional.empty(), Profile.library("java.util.HashMap.getNode"));
    }

    @Test
    void aHiddenClassIsNamedWithoutItsAddress() {
        assertEquals("homework.arch.platform.trace.Tracing$$Lambda.apply",
                Profile.method("homework.arch.platform.trace.Tracing$$Lambda.0x000000004e9d8b48", "apply"));
        assertEquals("java.lang.invoke.LambdaForm$DMH.invokeVirtual",
                Profile.method("java.lang.invoke.LambdaForm$DMH/0x000000009a0c0400", "invokeVirtual"));
        assertEquals("java.util.HashMap.putVal", Profile.method("java.util.HashMap", "putVal"));
    }

    @Test
    void periodsReadInMilliseconds() {
        assertEquals("10 ms", Profile.inMillis("10000000 ns"));
        assertEquals("20 ms", Profile.inMillis("20 ms"));
        assertEquals("0.5 ms", Profile.inMillis("500 us"));
        assertEquals("1000 ms", Profile.inMillis("1 s"));
        assertEquals("endChunk", Profile.inMillis("endChunk"));
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
            assertEquals("20 ms", profile.period());
            assertEquals(BURN, profile.self().getFirst().method(), profile.toString());
            assertTrue(Files.readString(dir.resolve("burner.txt")).contains(BURN));
            assertTrue(Files.size(dir.resolve("burner.jfr")) > 0);
            assertTrue(Files.readString(dir.resolve("jcmd.log")).contains("Stack depth: 512"),
                    "deeper stacks than JFR's default of 64 frames");
            assertEquals(List.of("gone"), List.copyOf(result.missing().keySet()), "a JVM that is not there: " + result);
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
