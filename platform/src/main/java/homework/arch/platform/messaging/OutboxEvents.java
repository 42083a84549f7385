package homework.arch.platform.messaging;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import homework.arch.platform.db.ServiceDatabase;
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.platform.trace.TraceParent;
import homework.arch.platform.trace.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Appends events to the service's {@code outbox} table, inside the caller's transaction and only
 * there, so an event is published exactly when the change it announces commits. The relay
 * (outbox-relay, Debezium's EventRouter) sends each inserted row to topic
 * {@code <aggregatetype>.events}, keyed by {@code aggregateid}, with the row's {@code id} and
 * {@code type} as headers {@code id} and {@code eventType}, the {@code payload} as the value and
 * {@code traceparent} as a header, so the consumer's work continues the trace of the change.
 * (orders also writes its settlement events in one statement with the status change: its own
 * {@code Outbox.settle}.)
 */
@ApplicationScoped
public class OutboxEvents {

    private final EntityManager entityManager;

    @Inject
    public OutboxEvents(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Appends {@code payload} (written as JSON) as an event of {@code type}; returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String aggregateType, String aggregateId, String type, Object payload) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, traceparent)
                        VALUES (:id, :aggregateType, :aggregateId, :type, CAST(:payload AS jsonb), :traceparent)
                        """)
                .setParameter("id", id)
                .setParameter("aggregateType", aggregateType)
                .setParameter("aggregateId", aggregateId)
                .setParameter("type", type)
                .setParameter("payload", json(payload))
                .setParameter("traceparent", Tracing.current().map(TraceParent::header).orElse(null))
                .executeUpdate();
        return id;
    }

    /** The payload as the outbox stores it: JSON text, the service's mapper (ISO-8601 times, plain numbers). */
    public static String json(Object payload) {
        try {
            return JsonMapperProvider.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload not serialisable: " + payload.getClass(), e);
        }
    }
}
