package homework.arch.billing.application;

import java.util.EnumMap;
import java.util.Map;

import homework.arch.billing.domain.MovementType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Accounts opened, and movements by type: moved or refused by this request, or an earlier outcome
 * of the idempotency key answered again. Registered once; counted by the use case after its
 * transaction committed.
 */
@ApplicationScoped
public class BillingMetrics {

    private final Counter accountsOpened;
    private final Map<MovementType, Counter> moved = new EnumMap<>(MovementType.class);
    private final Map<MovementType, Counter> refused = new EnumMap<>(MovementType.class);
    private final Map<MovementType, Counter> replayed = new EnumMap<>(MovementType.class);

    @Inject
    public BillingMetrics(MetricRegistry registry) {
        accountsOpened = registry.counter("billing.accounts.opened");
        for (MovementType type : MovementType.values()) {
            Tag byType = new Tag("type", type.name());
            moved.put(type, registry.counter("billing.movements", byType, new Tag("outcome", "moved")));
            refused.put(type, registry.counter("billing.movements", byType, new Tag("outcome", "refused")));
            replayed.put(type, registry.counter("billing.movements.replayed", byType));
        }
    }

    /** An account this request opened, after the commit. */
    void accountOpened() {
        accountsOpened.inc();
    }

    /** A movement's outcome, after the commit (or the rollback of a refusal that recorded nothing). */
    void movement(MovementType type, MovementResult.Decision decision) {
        Map<MovementType, Counter> counters = switch (decision) {
            case MOVED -> moved;
            case REFUSED -> refused;
            case REPLAYED -> replayed;
        };
        counters.get(type).inc();
    }
}
