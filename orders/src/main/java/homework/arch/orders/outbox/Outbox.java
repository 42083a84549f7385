package homework.arch.orders.outbox;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import homework.arch.orders.domain.Order;
import homework.arch.platform.db.ServiceDatabase;
import homework.arch.platform.messaging.OutboxEvents;
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.platform.trace.TraceParent;
import homework.arch.platform.trace.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Appends order events to the outbox table, inside the caller's transaction and only there, each in
 * the same statement as the order's status change that it announces. The
 * {@code traceparent} column becomes a Kafka header (outbox-relay), so the letter continues the trace.
 */
@ApplicationScoped
public class Outbox {

    /** The EventRouter routes rows by this column: aggregate type {@code order} → topic {@code order.events}. */
    public static final String AGGREGATE_TYPE = "order";

    private final EntityManager entityManager;
    private final OutboxEvents events;

    @Inject
    public Outbox(@ServiceDatabase.Shared EntityManager entityManager, OutboxEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    /**
     * Event collaboration: the new order's {@code OrderCreated}, for billing, in the caller's
     * transaction, the one that stores the order (platform's {@link OutboxEvents}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Order order) {
        events.append(AGGREGATE_TYPE, order.id().toString(), OrderCreated.TYPE, OrderCreated.of(order));
    }

    /**
     * Writes a {@code PENDING} order's final status and its event, {@code settled} being the order as
     * settled ({@link Order#settled}), in one statement: the {@code INSERT} takes its row from the
     * {@code UPDATE}'s, so the event is written exactly when the status changes. False, with nothing
     * written, if the order was not {@code PENDING} any more: a concurrent attempt settled it (its
     * {@code UPDATE} holds the row until it commits; this one then finds the status final). Inside the
     * caller's transaction only ({@code MANDATORY}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean settle(Order settled) {
        return entityManager.createNativeQuery("""
                        WITH settled AS (
                            UPDATE orders SET status = :status, updated_at = :updatedAt, version = version + 1
                             WHERE id = :orderId AND status = 'PENDING'
                            RETURNING id)
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, traceparent)
                        SELECT :eventId, :aggregateType, CAST(id AS text), :type, CAST(:payload AS jsonb), :traceparent
                          FROM settled
                        """)
                .setParameter("status", settled.status().name())
                .setParameter("updatedAt", settled.updatedAt())
                .setParameter("orderId", settled.id())
                .setParameter("eventId", UUID.randomUUID())
                .setParameter("aggregateType", AGGREGATE_TYPE)
                .setParameter("type", OrderEventType.of(settled.status()).eventType())
                .setParameter("payload", json(OrderEvent.of(settled)))
                .setParameter("traceparent", traceparent(settled))
                .executeUpdate() == 1;
    }

    /** The span that settles the order (a request's, or the settler's), else the one that placed it. */
    private static String traceparent(Order order) {
        return Tracing.current().map(TraceParent::header).orElse(order.traceparent());
    }

    /**
     * Deletes the rows older than {@code retention}, in a transaction of its own (the purge job's);
     * returns how many. Debezium reads the write-ahead log, not the table, so a published row is not
     * needed any more.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
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
