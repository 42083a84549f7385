package homework.arch.stack.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import homework.arch.stack.Replicas;
import homework.arch.stack.Stack;
import homework.arch.stack.StackLayout;
import homework.arch.stack.StackPorts;
import homework.arch.stack.StackStyle;
import homework.arch.stack.fixtures.Folders;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The fault suite, on one replica of each service and on two, and on three Kafka brokers. In the
 * test command each runs a short cycle: the one-replica run over all six components, the
 * two-replica run over the faults of one replica ({@link FaultRun#REPLICA_FAULTS}), the three-broker
 * run over the death of a partition's leader ({@link FaultRun#BROKER_FAULTS}).
 * {@code stack/chaos [--replicas N] [--minutes M]} runs one of them at length, the replicated one over
 * {@link FaultRun#ALL_WITH_REPLICAS} ({@code -Dchaos.minutes}, {@code -Dchaos.replicas},
 * {@code -Dchaos.faults=all|a,b}, {@code -Dchaos.seed}); {@code stack/chaos --kafka-brokers 3} the
 * three-broker one, {@code stack/chaos --style S} a style's. Reports land in {@code stack/end-to-end/target/chaos/},
 * {@code chaos-N-replicas/}, {@code chaos-3-brokers/} and {@code chaos-<style>/}; with {@code -Dchaos.publish=<command>}
 * ({@code stack/chaos ... --publish}) the run's tables also go into docs/guarantees.md, in the block named after that
 * folder ({@link PublishedRun}).
 */
class ChaosIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    void nothingAcknowledgedIsLostAndEveryInvariantHoldsWhileComponentsCrash() {
        run(Replicas.ONE, TARGET.resolve("chaos"), FaultRun.COMPONENTS, 1.5);
    }

    @Test
    void withReplicasASiblingFinishesWhatADeadReplicaLeftAndEveryInvariantHolds() {
        int replicas = Integer.getInteger("chaos.replicas", 2);
        List<String> faults = "all".equals(System.getProperty("chaos.faults")) ? FaultRun.ALL_WITH_REPLICAS : FaultRun.REPLICA_FAULTS;
        run(Replicas.of(replicas), TARGET.resolve("chaos-" + replicas + "-replicas"), faults, 1.0);
    }

    @Test
    void threeBrokersLoseNothingWhenThePartitionLeaderDies() {
        run(Replicas.ONE, StackStyle.HTTP_BROKER, 3, TARGET.resolve("chaos-3-brokers"), FaultRun.BROKER_FAULTS, 1.5);
    }

    /** Style 1 has no broker and no relay: its faults are the services' and the database's. */
    @Test
    void inStyleOneNothingIsLostOrDoubledWhileServicesCrash() {
        run(Replicas.ONE, StackStyle.HTTP_ONLY, 1, TARGET.resolve("chaos-http-only"), FaultRun.HTTP_ONLY_COMPONENTS, 1.0);
    }

    /**
     * Style 3: every service publishes through its outbox and a relay, and billing and orders consume.
     * The short run kills billing's relay, the broker, billing and orders; {@code -Dchaos.faults=all}
     * every component.
     */
    @Test
    void inStyleThreeTheSagaSettlesEveryOrderOnceWhileComponentsCrash() {
        List<String> faults = "all".equals(System.getProperty("chaos.faults")) ? FaultRun.EVENT_COLLABORATION_COMPONENTS
                : FaultRun.EVENT_COLLABORATION_SHORT;
        run(Replicas.ONE, StackStyle.EVENT_COLLABORATION, 1, TARGET.resolve("chaos-event-collaboration"), faults, 1.5);
    }

    private static void run(Replicas replicas, Path out, List<String> defaultFaults, double defaultMinutes) {
        run(replicas, StackStyle.HTTP_BROKER, 1, out, defaultFaults, defaultMinutes);
    }

    private static void run(Replicas replicas, StackStyle style, int kafkaBrokers, Path out, List<String> defaultFaults,
                            double defaultMinutes) {
        double minutes = Double.parseDouble(System.getProperty("chaos.minutes", String.valueOf(defaultMinutes)));
        String chosen = System.getProperty("chaos.faults");
        List<String> faults = chosen == null || "all".equals(chosen) ? defaultFaults
                : Arrays.stream(System.getProperty("chaos.faults").split(",")).map(String::trim).toList();
        long seed = Long.getLong("chaos.seed", System.currentTimeMillis());
        FaultRun.Settings settings = new FaultRun.Settings(Duration.ofMillis((long) (minutes * 60_000 / faults.size())),
                Integer.getInteger("chaos.users", 12), Integer.getInteger("chaos.threads", 4), Duration.ofMillis(100), seed);
        System.out.println("[chaos] seed " + seed + " (rerun with -Dchaos.seed=" + seed + "), style " + style + ", " + replicas
                + ", Kafka brokers " + kafkaBrokers + ", " + settings);
        String publish = System.getProperty("chaos.publish");
        if (publish != null) {
            PublishedRun.requireBlock(out.getFileName().toString());
        }
        Path data = out.resolve("stack");
        Folders.delete(data);
        List<FaultResult> results;
        FaultRun run;
        try (Stack stack = Stack.on(new StackLayout(data, StackPorts.free(), replicas, style, kafkaBrokers))
                .start(step -> System.out.println("[chaos] starting " + step))) {
            run = new FaultRun(stack, settings);
            results = run.run(faults);
        }
        String report = FaultReport.write(out, settings, style, replicas, kafkaBrokers, results, run.journal());
        System.out.println(report);
        if (publish != null) {
            PublishedRun.publish(out.getFileName().toString(), publish, minutes, seed, results);
        }
        assertThat("a fault broke a guarantee (seed " + seed + ", report in " + out.resolve("report.md") + "):\n" + report,
                results.stream().allMatch(FaultResult::passed), is(true));
    }
}
