package homework.arch.notifications.messaging;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import homework.arch.notifications.application.ReceivedOrderEvent;
import homework.arch.notifications.domain.SettledOrder;
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.platform.trace.Tracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads an order event from a Kafka record as the outbox relay writes it (docs/development.md):
 * value = the bare payload, headers {@code id}, {@code eventType} and {@code traceparent} as JSON
 * strings ({@code traceparent} optional: without it the letter starts a new trace). Strict about
 * types, tolerant of payload fields it does not know (orders may add some).
 */
final class OrderEventParser {

    /** The payload as orders writes it (schema {@code OrderEvent} of {@code openapi/asyncapi.yaml}). */
    record Payload(UUID orderId, UUID userId, String email, BigDecimal price, String status, Instant occurredAt) {
    }

    private static final ObjectMapper JSON = JsonMapperProvider.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OrderEventParser() {
    }

    static ReceivedOrderEvent parse(ConsumerRecord<String, String> record) throws PoisonRecordException {
        UUID eventId = uuid(header(record, "id"));
        String eventType = header(record, "eventType");
        if (record.value() == null) {
            throw new PoisonRecordException("no value");
        }
        Payload payload;
        try {
            payload = JSON.readValue(record.value(), Payload.class);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("value is not an order event: " + e.getOriginalMessage(), e);
        }
        SettledOrder.Outcome outcome = SettledOrder.Outcome.ofEventType(eventType)
                .orElseThrow(() -> new PoisonRecordException("unknown event type " + eventType));
        if (!outcome.name().equals(payload.status())) {
            throw new PoisonRecordException(eventType + " with status " + payload.status());
        }
        try {
            SettledOrder order = new SettledOrder(payload.orderId(), payload.userId(), payload.email(),
                    payload.price(), outcome, payload.occurredAt());
            return new ReceivedOrderEvent(eventId, eventType, optionalHeader(record, Tracing.HEADER), order);
        } catch (RuntimeException e) {
            throw new PoisonRecordException("invalid order event: " + e.getMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) throws PoisonRecordException {
        String value = optionalHeader(record, name);
        if (value == null) {
            throw new PoisonRecordException("header " + name + " is missing");
        }
        return value;
    }

    /** A header's text, or null: Debezium's JSON header converter writes strings as JSON literals, quotes included. */
    private static String optionalHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String raw = new String(header.value(), StandardCharsets.UTF_8);
        try {
            JsonNode node = JSON.readTree(raw);
            return node == null || node.isNull() ? null : node.isTextual() ? node.textValue() : raw;
        } catch (JsonProcessingException e) {
            return raw;
        }
    }

    private static UUID uuid(String text) throws PoisonRecordException {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("event id " + text + " is not a UUID", e);
        }
    }
}
