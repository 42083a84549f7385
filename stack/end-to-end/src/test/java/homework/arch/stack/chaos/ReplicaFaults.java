package homework.arch.stack.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import homework.arch.stack.Stack;
import homework.arch.stack.fixtures.ServiceProcess;
import homework.arch.stack.fixtures.TestHttp;

/**
 * The faults that exist only when a service runs several replicas: one replica dies at a chosen
 * moment of its work, and its sibling must finish that work, once, while it stays down.
 *
 * <ul>
 *   <li>{@code orders-1} dies while it settles an order: billing is frozen (SIGSTOP) while orders-1
 *       takes an order, so the order is {@code PENDING} and its withdrawal is on its way when the
 *       replica is killed; billing then carries on and charges it. The other replica's settler must
 *       settle the order while orders-1 is down, and the charge must count once.</li>
 *   <li>{@code notifications-1} dies in the middle of a batch: it is frozen until events pile up
 *       on its partitions, let go, and killed {@value #BATCH_MILLIS} ms later, while it works
 *       through them. The group must hand its partitions to the other replica, which writes every
 *       missing letter (and skips the ones already written) while notifications-1 is down.</li>
 * </ul>
 */
final class ReplicaFaults {

    /** How long the sibling may take to finish the dead replica's work, while the replica stays down. */
    static final Duration TAKE_OVER_WITHIN = Duration.ofSeconds(30);
    private static final long BATCH_MILLIS = 150;
    private static final Duration BACKLOG = Duration.ofSeconds(3);

    private final Stack stack;
    private final Invariants invariants;
    private final List<UUID> users;

    /** What the sibling of a killed replica must finish, and whether it has; {@code failure} if the fault itself did not happen. */
    record Takeover(String name, String summary, BooleanSupplier done, Check failure) {

        Takeover(String name, String summary, BooleanSupplier done) {
            this(name, summary, done, null);
        }

        static Takeover failed(Check failure) {
            return new Takeover(failure.name(), failure.summary(), () -> false, failure);
        }
    }

    /** {@code users}: everyone the run's orders belong to; the first one pays the order the dying replica settles. */
    ReplicaFaults(Stack stack, Invariants invariants, List<UUID> users) {
        this.stack = stack;
        this.invariants = invariants;
        this.users = List.copyOf(users);
    }

    /** Whether {@code component} is one replica of a service that runs several. */
    static boolean isReplica(String component) {
        return component.matches("[a-z]+-\\d+");
    }

    /** Kills the replica at the moment its fault is about; returns what its sibling must then do, or null. */
    Takeover kill(String replica) {
        if (replica.startsWith("orders-")) {
            return killWhileSettling(replica);
        }
        if (replica.startsWith("notifications-")) {
            return killInTheMiddleOfABatch(replica);
        }
        stack.kill(replica);
        return null;
    }

    private Takeover killWhileSettling(String replica) {
        List<ServiceProcess> billing = stack.replicas().entrySet().stream()
                .filter(e -> e.getKey().startsWith("billing")).map(Map.Entry::getValue).toList();
        UUID order = UUID.randomUUID();
        TestHttp direct = new TestHttp(stack.replicas().get(replica).uri(), Duration.ofSeconds(30));
        billing.forEach(ServiceProcess::freeze);
        try {
            Thread.ofVirtual().start(() -> direct.post("/orders", "{\"id\":\"" + order + "\",\"userId\":\"" + users.getFirst()
                    + "\",\"price\":1.00}", Map.of()));
            boolean pending = await(Duration.ofSeconds(10), () -> "PENDING".equals(invariants.orderStatus(order)));
            stack.kill(replica);
            if (!pending) {
                return Takeover.failed(new Check("orders-replica-died-while-settling", false,
                        "the order sent to " + replica + " never became PENDING, so the fault did not happen",
                        List.of(order.toString())));
            }
        } finally {
            billing.forEach(ServiceProcess::thaw);
        }
        return new Takeover("the-other-orders-replica-settled-what-" + replica + "-left",
                "order " + order + " was PENDING, its withdrawal sent, when " + replica + " died; settled while it was down",
                () -> !"PENDING".equals(invariants.orderStatus(order)));
    }

    private Takeover killInTheMiddleOfABatch(String replica) {
        ServiceProcess process = stack.replicas().get(replica);
        process.freeze();
        Workload.sleep(BACKLOG.toMillis());
        process.thaw();
        Workload.sleep(BATCH_MILLIS);
        stack.kill(replica);
        Set<UUID> settled = invariants.settled();
        return new Takeover("the-other-notifications-replica-took-over-the-partitions-of-" + replica,
                replica + " was killed " + BATCH_MILLIS + " ms after a " + BACKLOG.toSeconds() + " s backlog reached it; the "
                        + settled.size() + " orders settled by then all got their letters while it was down",
                () -> invariants.lettered(users).containsAll(settled));
    }

    /** Waits, while the replica stays down, for its sibling to finish what it left. */
    static Check whileDown(Takeover pending, Instant killed) {
        if (pending.failure() != null) {
            return pending.failure();
        }
        boolean done = await(TAKE_OVER_WITHIN, pending.done());
        String took = String.format("%.1f s after the kill", Duration.between(killed, Instant.now()).toMillis() / 1000.0);
        return new Check(pending.name(), done, pending.summary() + (done ? " (" + took + ")" : ""),
                done ? List.of() : List.of("not done within " + TAKE_OVER_WITHIN.toSeconds() + " s of the kill"));
    }

    private static boolean await(Duration within, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                FaultRun.log("not yet: " + e.getMessage());
            }
            Workload.sleep(100);
        }
        return false;
    }
}
