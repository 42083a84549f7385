package homework.arch.stack.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import homework.arch.stack.fixtures.Kafka;

/**
 * The fault of a stack with three Kafka brokers: SIGKILL of the broker that leads a partition of
 * {@code order.events} (one chosen by the seed), found from the cluster's metadata. The controller
 * must hand the partition to another broker while the dead one stays down, and the restarted one
 * must catch up until every partition has all three replicas in sync again.
 */
final class PartitionLeaderFault {

    /** The name of the fault in {@code -Dchaos.faults} and the report. */
    static final String NAME = "kafka-partition-leader";
    private static final String TOPIC = "order.events";
    private static final Duration CAUGHT_UP_WITHIN = Duration.ofMinutes(2);

    private final Kafka kafka;
    private final int partition;
    private final int leader;
    private volatile int newLeader = -1;
    private volatile long electedMillis = -1;

    private PartitionLeaderFault(Kafka kafka, int partition, int leader) {
        this.kafka = kafka;
        this.partition = partition;
        this.leader = leader;
    }

    /** The leader of a partition chosen by {@code seed}, as the cluster has it now. */
    static PartitionLeaderFault choose(Kafka kafka, long seed) {
        List<Kafka.Partition> partitions = kafka.partitions(TOPIC);
        Kafka.Partition chosen = partitions.get(new Random(seed).nextInt(partitions.size()));
        if (chosen.leader() < 0) {
            throw new IllegalStateException("Partition " + chosen.number() + " of " + TOPIC + " has no leader: " + partitions);
        }
        return new PartitionLeaderFault(kafka, chosen.number(), chosen.leader());
    }

    /** What {@code Stack.kill} and {@code Stack.restart} call the leader. */
    String broker() {
        return "kafka-" + leader;
    }

    /** Watches the partition for {@code down} after the kill (the load goes on): when another broker leads it. */
    void whileDown(Instant killed, Duration down) {
        Instant until = killed.plus(down);
        while (Instant.now().isBefore(until)) {
            if (newLeader < 0) {
                try {
                    int now = kafka.partitions(TOPIC).get(partition).leader();
                    if (now >= 0 && now != leader) {
                        newLeader = now;
                        electedMillis = Duration.between(killed, Instant.now()).toMillis();
                        FaultRun.log("partition " + partition + " is led by kafka-" + now + " " + electedMillis + " ms after the kill");
                    }
                } catch (RuntimeException e) {
                    FaultRun.log("metadata not read: " + e.getMessage());
                }
            }
            Workload.sleep(250);
        }
    }

    /** Another broker led the partition while its leader was down. */
    Check moved() {
        return newLeader >= 0
                ? Check.of("another-broker-led-the-partition-while-its-leader-was-down", "partition " + partition + " of "
                        + TOPIC + ": led by " + broker() + ", then by kafka-" + newLeader + " " + electedMillis + " ms after the kill",
                        List.of())
                : Check.of("another-broker-led-the-partition-while-its-leader-was-down", "partition " + partition + " of "
                        + TOPIC + ", led by " + broker(), List.of("no other broker led it while " + broker() + " was down"));
    }

    /** The restarted broker caught up: every partition has all its replicas in sync (waits for it). */
    Check caughtUp() {
        Instant deadline = Instant.now().plus(CAUGHT_UP_WITHIN);
        List<Kafka.Partition> partitions = List.of();
        while (Instant.now().isBefore(deadline)) {
            try {
                partitions = kafka.partitions(TOPIC);
                if (partitions.stream().allMatch(p -> p.inSync().size() == p.replicas().size() && p.replicas().size() == 3)) {
                    return Check.of("every-partition-on-three-brokers-in-sync-again", partitions.size() + " partitions, "
                            + "each with its 3 replicas in sync after " + broker() + " was restarted", List.of());
                }
            } catch (RuntimeException e) {
                FaultRun.log("metadata not read: " + e.getMessage());
            }
            Workload.sleep(500);
        }
        return Check.of("every-partition-on-three-brokers-in-sync-again", "after " + broker() + " was restarted",
                partitions.stream().filter(p -> p.inSync().size() != 3).map(p -> "partition " + p.number() + ": replicas "
                        + p.replicas() + ", in sync " + p.inSync() + " after " + CAUGHT_UP_WITHIN.toSeconds() + " s").toList());
    }

    /** The letters around the fault, once the system has settled. */
    LeaderMove measure(Invariants invariants, List<UUID> users, Instant killed, Instant restarted) {
        List<Instant> letters = invariants.letterTimes(users);
        long whileDown = letters.stream().filter(at -> !at.isBefore(killed) && at.isBefore(restarted)).count();
        return new LeaderMove(broker(), partition, newLeader < 0 ? "none" : "kafka-" + newLeader, electedMillis,
                invariants.settled().size(), letters.size(), whileDown, longestGap(letters, killed, restarted).toMillis());
    }

    /**
     * The longest time between two letters in a row (by {@code createdAt}) of which the later came
     * after {@code from} and the earlier before {@code to}: how long no letter was written while the
     * leader was down, the wait before the first letter after the kill included.
     */
    static Duration longestGap(List<Instant> letters, Instant from, Instant to) {
        List<Instant> sorted = letters.stream().sorted().toList();
        Duration longest = Duration.ZERO;
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).isAfter(from) && sorted.get(i - 1).isBefore(to)) {
                Duration gap = Duration.between(sorted.get(i - 1), sorted.get(i));
                longest = gap.compareTo(longest) > 0 ? gap : longest;
            }
        }
        return longest;
    }
}
