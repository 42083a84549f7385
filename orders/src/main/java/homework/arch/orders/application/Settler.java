package homework.arch.orders.application;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import homework.arch.orders.domain.Order;
import homework.arch.orders.persistence.OrderRepository;
import homework.arch.platform.schedule.Periodic;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import homework.arch.platform.trace.Tracing;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settles the orders that billing did not answer about when they were placed. Every
 * {@code settler.interval} it claims due {@code PENDING} orders (older than {@code settler.min-age},
 * so it does not race the request still placing them) and sends each one's withdrawal again with
 * the same idempotency key: billing replays its first outcome, so nothing is charged twice. Safe
 * with several instances: claims skip each other's locked rows and lease the order until its next
 * attempt, which backs off exponentially. Not in event collaboration, where orders never calls
 * billing: billing's payment event settles each order ({@link PaymentOutcomes}).
 */
@ApplicationScoped
@InStyles({Style.HTTP_ONLY, Style.HTTP_BROKER})
public class Settler {

    private static final Logger LOG = System.getLogger(Settler.class.getName());

    private final OrderRepository orders;
    private final PendingOrders pending;
    private final Charging charging;
    private final OrderMetrics metrics;
    private final Duration interval;
    private final Duration minAge;
    private final int batchSize;
    private final Duration backoffInitial;
    private final Duration backoffMax;

    private Periodic rounds;

    @Inject
    public Settler(OrderRepository orders, PendingOrders pending, Charging charging, OrderMetrics metrics,
                   @ConfigProperty(name = "settler.interval") Duration interval,
                   @ConfigProperty(name = "settler.min-age") Duration minAge,
                   @ConfigProperty(name = "settler.batch-size") int batchSize,
                   @ConfigProperty(name = "settler.backoff-initial") Duration backoffInitial,
                   @ConfigProperty(name = "settler.backoff-max") Duration backoffMax) {
        this.orders = orders;
        this.pending = pending;
        this.charging = charging;
        this.metrics = metrics;
        this.interval = interval;
        this.minAge = minAge;
        this.batchSize = batchSize;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        rounds = Periodic.start("settler", interval, this::runOnce);
    }

    @PreDestroy
    void stop() {
        if (rounds != null) {
            rounds.close();
        }
    }

    /** One round; returns how many orders it tried to settle. */
    public int runOnce() {
        List<UUID> due = claimDue();
        for (UUID id : due) {
            metrics.settlerAttempt();
            orders.find(id).filter(order -> !order.status().isFinal()).ifPresent(this::charge);
        }
        return due.size();
    }

    /** Under a new span of the trace that placed the order, so its retries show in the same trace. */
    private void charge(Order order) {
        try (Tracing.Scope scope = Tracing.continueOrStart(order.traceparent())) {
            Order after = charging.charge(order);
            LOG.log(Level.INFO, "Settler: order {0} is {1} after attempt", after.id(), after.status());
        }
    }

    /** Claims the due orders in a transaction of their own ({@link PendingOrders#claimDue}). */
    public List<UUID> claimDue() {
        return pending.claimDue(minAge, batchSize, backoffInitial, backoffMax);
    }
}
