package homework.arch.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.platform.trace.Tracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record as the outbox relay writes it (docs/development.md), its envelope read: headers
 * {@code id} (the event id every consumer deduplicates by), {@code eventType} and the optional
 * {@code traceparent}, as JSON strings; the key (the aggregate's id) and the value, the bare
 * payload, still as text: what the payload means is the subscription's to say ({@link #payload}).
 */
public record EventRecord(UUID eventId, String eventType, String traceparent, String key, String value,
                          String position) {

    /** Strict about types, tolerant of payload fields a reader does not know (the publisher may add some). */
    private static final ObjectMapper JSON = JsonMapperProvider.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The envelope of {@code record}; poison without an event id, an event type or a value. */
    public static EventRecord of(ConsumerRecord<String, String> record) throws PoisonRecordException {
        UUID eventId = uuid(header(record, "id"));
        String eventType = header(record, "eventType");
        if (record.value() == null) {
            throw new PoisonRecordException("no value");
        }
        return new EventRecord(eventId, eventType, optionalHeader(record, Tracing.HEADER), record.key(),
                record.value(), position(record));
    }

    /** The payload read as {@code type}; poison, naming {@code what} was expected, if it is not one. */
    public <T> T payload(Class<T> type, String what) throws PoisonRecordException {
        try {
            return JSON.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("value is not " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Where a record is, for log lines and attempts: {@code topic-partition@offset}. */
    static String position(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
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
