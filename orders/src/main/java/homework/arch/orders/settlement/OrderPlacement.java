package homework.arch.orders.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import homework.arch.orders.client.KnownUsers;
import homework.arch.orders.client.RemoteProblemException;
import homework.arch.orders.client.RemoteUser;
import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderConflictException;
import homework.arch.orders.domain.UnknownUserException;
import homework.arch.orders.persistence.OrderRepository;
import homework.arch.platform.problem.UnavailableException;
import homework.arch.platform.trace.TraceParent;
import homework.arch.platform.trace.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Places an order: a repeated id answers with the stored order (same content) or a conflict;
 * otherwise the user is checked with users (once per user: {@link KnownUsers}) before anything is
 * stored, the order is committed as {@code PENDING} and then charged. Three steps, deliberately not
 * one transaction: no database transaction stays open across a remote call.
 */
@ApplicationScoped
public class OrderPlacement {

    @Inject
    OrderRepository orders;

    @Inject
    KnownUsers users;

    @Inject
    PendingOrders pending;

    @Inject
    Charging charging;

    /**
     * Places an order under the client's id, which makes a retry safe, or under a new one when
     * {@code clientId} is null. Only a client's id can name a stored order: a new one is not looked up.
     */
    public Placement place(UUID clientId, UUID userId, BigDecimal price) {
        if (clientId != null) {
            Optional<Order> existing = orders.find(clientId);
            if (existing.isPresent()) {
                return replay(existing.get(), userId, price);
            }
        }
        UUID id = clientId != null ? clientId : UUID.randomUUID();
        RemoteUser user = user(userId);
        Order order;
        try {
            order = pending.add(Order.place(id, userId, user.email(), price, Instant.now(),
                    Tracing.current().map(TraceParent::header).orElse(null)));
        } catch (Exception e) {
            // A concurrent request with the same id won the insert: answer as a replay of it.
            Optional<Order> winner = orders.find(id);
            if (winner.isEmpty()) {
                throw e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Storing order " + id + " failed", e);
            }
            return replay(winner.get(), userId, price);
        }
        return new Placement(charging.charge(order), true);
    }

    private static Placement replay(Order order, UUID userId, BigDecimal price) {
        if (!order.sameContent(userId, price)) {
            throw new OrderConflictException(order.id());
        }
        return new Placement(order, false);
    }

    private RemoteUser user(UUID userId) {
        try {
            return users.find(userId).orElseThrow(() -> new UnknownUserException(userId));
        } catch (FaultToleranceException | ProcessingException | RemoteProblemException e) {
            throw new UnavailableException("users", e);
        }
    }
}
