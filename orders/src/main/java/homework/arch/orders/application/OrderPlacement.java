package homework.arch.orders.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderConflictException;
import homework.arch.orders.domain.OrderNotFoundException;
import homework.arch.orders.domain.UserNotFoundException;
import homework.arch.orders.persistence.OrderRepository;
import homework.arch.platform.idempotency.Stored;
import homework.arch.platform.trace.TraceParent;
import homework.arch.platform.trace.Tracing;
import homework.arch.users.lookup.RegisteredUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Places an order: a repeated id answers with the stored order (same content) or a conflict;
 * otherwise the user is checked ({@link OrderUsers}: with users, once per user, or in event
 * collaboration among the users orders has seen registered) before anything is stored, and the
 * order goes to its {@link OrderIntake}: committed as {@code PENDING} and then charged, or in event
 * collaboration committed with its {@code OrderCreated} event. No database transaction stays open
 * across a remote call.
 *
 * <p>A replay never presents a state the first request is about to leave: while the order is
 * {@code PENDING} and its first request may still be charging it ({@code orders.replay-wait} after
 * the order was placed: the charge's whole budget), a replay waits for the outcome, reading the
 * order again every {@value #POLL_MILLIS} ms. It then answers what the first request answered: the
 * settled order, or the order still {@code PENDING} (a 202, like the first answer) if billing did
 * not answer in time. Waiting rather than a 409 because billing's replays wait the same way (on the
 * key's row lock) and the wait is bounded by the first request's own budget.
 */
@ApplicationScoped
public class OrderPlacement {

    private static final long POLL_MILLIS = 50;

    private final OrderRepository orders;
    private final OrderUsers users;
    private final OrderIntake intake;
    private final Duration replayWait;
    private final Clock clock;

    @Inject
    public OrderPlacement(OrderRepository orders, OrderUsers users, OrderIntake intake,
                          @ConfigProperty(name = "orders.replay-wait") Duration replayWait, Clock clock) {
        this.orders = orders;
        this.users = users;
        this.intake = intake;
        this.replayWait = replayWait;
        this.clock = clock;
    }

    /**
     * Places an order under the client's id, which makes a retry safe, or under a new one when
     * {@code clientId} is null. Only a client's id can name a stored order: a new one is not looked up.
     */
    public Stored<Order> place(UUID clientId, UUID userId, BigDecimal price) {
        if (clientId != null) {
            Optional<Order> existing = orders.find(clientId);
            if (existing.isPresent()) {
                return replay(existing.get(), userId, price);
            }
        }
        UUID id = clientId != null ? clientId : UUID.randomUUID();
        RegisteredUser user = user(userId);
        Order order = Order.place(id, userId, user.email(), price, clock.instant(),
                Tracing.current().map(TraceParent::header).orElse(null));
        Optional<Order> taken = intake.take(order);
        if (taken.isEmpty()) {
            // A concurrent request with the same id stored it first: answer as a replay of it.
            return replay(orders.find(id).orElseThrow(() -> new OrderNotFoundException(id)), userId, price);
        }
        return Stored.created(taken.get());
    }

    private Stored<Order> replay(Order order, UUID userId, BigDecimal price) {
        if (!order.sameContent(userId, price)) {
            throw new OrderConflictException(order.id());
        }
        return Stored.found(outcome(order));
    }

    /** The order once its first request is done with it: settled, or pending past that request's budget. */
    private Order outcome(Order order) {
        Instant firstRequestDone = order.createdAt().plus(replayWait);
        Order current = order;
        while (!current.status().isFinal() && clock.instant().isBefore(firstRequestDone)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = orders.find(order.id()).orElse(current);
        }
        return current;
    }

    /** The user; {@code UnavailableException} when users cannot be asked. */
    private RegisteredUser user(UUID userId) {
        return users.find(userId).orElseThrow(() -> new UserNotFoundException(userId));
    }
}
