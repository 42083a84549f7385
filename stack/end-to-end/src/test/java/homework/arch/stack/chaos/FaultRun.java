package homework.arch.stack.chaos;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import homework.arch.stack.Stack;
import homework.arch.stack.fixtures.TestHttp;

/**
 * The fault cycle: for each component in turn, load on, SIGKILL, a while down under load, restart,
 * wait for end-to-end recovery, more load, then stop the load, let the system settle and check
 * every invariant over everything done so far.
 */
public final class FaultRun {

    /** The order the issue asks for: the relay first, the database last. */
    public static final List<String> COMPONENTS = List.of(Stack.DEBEZIUM, Stack.KAFKA, "notifications", "orders", "billing",
            Stack.POSTGRES);
    /** Style 1's components: no relay, no broker. */
    public static final List<String> HTTP_ONLY_COMPONENTS = List.of("notifications", "orders", "billing", Stack.POSTGRES);
    /** Style 3's components: a relay per outbox (users', billing's, orders'), the broker, every service, the database. */
    public static final List<String> EVENT_COLLABORATION_COMPONENTS = List.of("debezium-users", "debezium-billing",
            Stack.DEBEZIUM, Stack.KAFKA, "notifications", "orders", "billing", "users", Stack.POSTGRES);
    /** Style 3's short run: a relay, the broker, and each service on the saga's path. */
    public static final List<String> EVENT_COLLABORATION_SHORT = List.of("debezium-billing", Stack.KAFKA, "billing", "orders");
    /** The fault of a stack with three Kafka brokers: the leader of a partition dies ({@link PartitionLeaderFault}). */
    public static final List<String> BROKER_FAULTS = List.of(PartitionLeaderFault.NAME);
    /** The faults of one replica among two (see {@link ReplicaFaults}): the short two-replica run. */
    public static final List<String> REPLICA_FAULTS = List.of("orders-1", "notifications-1");
    /** The whole two-replica run: one replica of each service, then every component as in the one-replica run. */
    public static final List<String> ALL_WITH_REPLICAS = Stream.concat(
            Stream.of("orders-1", "notifications-1", "billing-1", "users-1"), COMPONENTS.stream()).toList();
    private static final Duration RECOVER_WITHIN = Duration.ofMinutes(3);
    private static final Duration SETTLE_WITHIN = Duration.ofMinutes(3);

    /** {@code perFault} is split: a quarter of load before the kill, 40 % down, the rest after recovery. */
    public record Settings(Duration perFault, int users, int threads, Duration pause, long seed) {
    }

    private final Stack stack;
    private final Settings settings;
    private final Journal journal = new Journal();
    private final TestHttp http;
    private final Invariants invariants;

    public FaultRun(Stack stack, Settings settings) {
        this.stack = stack;
        this.settings = settings;
        this.http = new TestHttp(stack.ingressUri(), Duration.ofSeconds(20));
        Map<String, URI> replicas = new TreeMap<>();
        stack.replicas().forEach((name, process) -> replicas.put(name, process.uri()));
        this.invariants = new Invariants(new Databases(stack), http, replicas);
    }

    public Journal journal() {
        return journal;
    }

    public List<FaultResult> run(List<String> components) {
        Workload load = new Workload(http, journal, settings.seed());
        load.createUsers(settings.users());
        Probe probe = Probe.create(http, journal);
        List<UUID> everyone = new ArrayList<>(load.users());
        everyone.add(probe.user());
        List<FaultResult> results = new ArrayList<>();
        ReplicaFaults replicaFaults = new ReplicaFaults(stack, invariants, everyone);
        for (String component : components) {
            results.add(inject(component, load, probe, everyone, replicaFaults));
            log(results.getLast().toString());
        }
        return results;
    }

    private FaultResult inject(String component, Workload load, Probe probe, List<UUID> everyone, ReplicaFaults replicaFaults) {
        journal.phase(component);
        long perFault = settings.perFault().toMillis();
        long restartMillis = -1;
        long recoverMillis = -1;
        long downMillis = -1;
        String error = null;
        Check takenOver = null;
        PartitionLeaderFault leaderFault = null;
        Instant killed = Instant.now();
        Instant restarted = null;
        load.start(settings.threads(), settings.pause());
        try {
            Workload.sleep(perFault / 4);
            String target = component;
            if (PartitionLeaderFault.NAME.equals(component)) {
                leaderFault = PartitionLeaderFault.choose(stack.kafka(), settings.seed());
                target = leaderFault.broker();
            }
            log("SIGKILL " + target);
            killed = Instant.now();
            ReplicaFaults.Takeover takeover = null;
            if (ReplicaFaults.isReplica(component)) {
                takeover = replicaFaults.kill(component);
            } else {
                stack.kill(target);
            }
            if (leaderFault != null) {
                leaderFault.whileDown(killed, Duration.ofMillis(perFault * 2 / 5));
            } else {
                Workload.sleep(perFault * 2 / 5);
            }
            if (takeover != null) {
                takenOver = ReplicaFaults.whileDown(takeover, killed);
                log(takenOver.toString());
            }
            log("restart " + target);
            Instant restarting = Instant.now();
            stack.restart(target);
            restarted = Instant.now();
            restartMillis = Duration.between(restarting, restarted).toMillis();
            downMillis = Duration.between(killed, Instant.now()).toMillis();
            recoverMillis = probe.recovered(killed, RECOVER_WITHIN);
            Workload.sleep(perFault - perFault / 4 - perFault * 2 / 5);
        } catch (RuntimeException e) {
            error = e.toString();
            log("fault " + component + " failed: " + e);
        } finally {
            load.stop();
        }
        Instant settling = Instant.now();
        settle(everyone);
        long settleMillis = Duration.between(settling, Instant.now()).toMillis();
        List<Check> checks = new ArrayList<>();
        if (takenOver != null) {
            checks.add(takenOver);
        }
        LeaderMove leaderMove = null;
        try {
            if (leaderFault != null) {
                checks.add(leaderFault.moved());
                checks.add(leaderFault.caughtUp());
                leaderMove = leaderFault.measure(invariants, everyone, killed, restarted != null ? restarted : Instant.now());
            }
            checks.addAll(invariants.check(journal, everyone));
        } catch (RuntimeException e) {
            checks.add(new Check("checks-could-run", false, e.toString(), List.of()));
        }
        Journal.PhaseCounts counts = journal.counts(component);
        return new FaultResult(component, counts.ordersSent.get(), counts.depositsSent.get(), counts.requests.get(),
                counts.clientErrors.get(), counts.pendingAnswers.get(), counts.gaveUp.get(),
                downMillis, restartMillis, recoverMillis, settleMillis, checks, error, leaderMove);
    }

    /** Waits until no order is pending and every settled order has its letter, or until the limit. */
    private void settle(List<UUID> everyone) {
        Instant deadline = Instant.now().plus(SETTLE_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (invariants.pending() == 0 && invariants.unlettered(everyone) == 0) {
                    return;
                }
            } catch (RuntimeException e) {
                log("not settled yet: " + e.getMessage());
            }
            Workload.sleep(1000);
        }
    }

    static void log(String line) {
        System.out.println("[chaos " + Instant.now() + "] " + line);
    }
}
