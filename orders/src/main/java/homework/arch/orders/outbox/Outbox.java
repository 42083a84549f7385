package homework.arch.orders.outbox;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import homework.arch.orders.domain.Order;
import homework.arch.platform.db.ServiceDatabase;
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.platform.trace.TraceParent;
import homework.arch.platform.trace.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Appends order events to the outbox table, inside the caller's transaction and only there. The
 * {@code traceparent} column becomes a Kafka header (outbox-relay), so the letter continues the trace.
 */
@ApplicationScoped
public class Outbox {

    /** The EventRouter routes rows by this column: aggregate type {@code order} → topic {@code order.events}. */
    public static final String AGGREGATE_TYPE = "order";

    private final EntityManager entityManager;

    @Inject
    public Outbox(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records that {@code order} reached its final status; {@code MANDATORY}: never on its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderSettled(Order order, OrderEventType event) {
        entityManager.createNativeQuery("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, traceparent)
                        VALUES (:id, :aggregateType, :aggregateId, :type, CAST(:payload AS jsonb), :traceparent)
                        """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("aggregateType", AGGREGATE_TYPE)
                .setParameter("aggregateId", order.id().toString())
                .setParameter("type", event.eventType())
                .setParameter("payload", json(OrderEvent.of(order)))
                .setParameter("traceparent", traceparent(order))
                .executeUpdate();
    }

    /** The span that settles the order (a request's, or the settler's), else the one that placed it. */
    private static String traceparent(Order order) {
        return Tracing.current().map(TraceParent::header).orElse(order.traceparent());
    }

    /**
     * Deletes the rows older than {@code retention}, in a transaction of its own; returns how many.
     * Debezium reads the write-ahead log, not the table, so a published row is not needed any more.
     */
    @Transactional
    public int purgeOlderThan(Duration retention) {
        return entityManager.createNativeQuery(
                        "DELETE FROM outbox WHERE created_at < now() - make_interval(secs => :seconds)")
                .setParameter("seconds", retention.toSeconds())
                .executeUpdate();
    }

    private static String json(OrderEvent event) {
        try {
            return JsonMapperProvider.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Order event not serialisable", e);
        }
    }
}
