package homework.arch.stack.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import homework.arch.stack.Stack;
import homework.arch.stack.StackLayout;
import homework.arch.stack.StackPorts;
import homework.arch.stack.fixtures.Folders;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault suite. In the test command it runs one short cycle over all six components; {@code
 * stack/chaos --minutes N} runs the same test with {@code -Dchaos.minutes=N} (and optionally {@code
 * -Dchaos.seed}). The report lands in {@code stack/launcher/target/chaos/}.
 */
class ChaosIT {

    private static final Path OUT = Path.of("target", "chaos").toAbsolutePath();

    @Test
    void nothingAcknowledgedIsLostAndEveryInvariantHoldsWhileComponentsCrash() throws IOException {
        double minutes = Double.parseDouble(System.getProperty("chaos.minutes", "1.5"));
        long seed = Long.getLong("chaos.seed", System.currentTimeMillis());
        FaultRun.Settings settings = new FaultRun.Settings(
                Duration.ofMillis((long) (minutes * 60_000 / FaultRun.COMPONENTS.size())),
                Integer.getInteger("chaos.users", 12), Integer.getInteger("chaos.threads", 4), Duration.ofMillis(100), seed);
        System.out.println("[chaos] seed " + seed + " (rerun with -Dchaos.seed=" + seed + "), " + settings);
        Path data = OUT.resolve("stack");
        Folders.delete(data);
        List<FaultResult> results;
        FaultRun run;
        try (Stack stack = Stack.on(new StackLayout(data, StackPorts.free()))
                .start(step -> System.out.println("[chaos] starting " + step))) {
            run = new FaultRun(stack, settings);
            results = run.run(FaultRun.COMPONENTS);
        }
        String report = FaultReport.write(OUT, settings, results, run.journal());
        System.out.println(report);
        assertTrue(results.stream().allMatch(FaultResult::passed), "a fault broke a guarantee (seed " + seed
                + ", report in " + OUT.resolve("report.md") + "):\n" + report);
    }
}
