package homework.arch.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka record as {@code parked_events} keeps it, and back: headers rendered as text,
 * {@code key=value, key=value}, each value as UTF-8 (the relay's are JSON strings such as
 * {@code "OrderPaid"}). Reading them back splits at each {@code ", "} that a {@code key=} follows
 * (a key without spaces or commas), so a header value that itself holds {@code ", x="} would come
 * back split; the relay's (UUIDs, event types, W3C trace context) never do. A header without a
 * value comes back empty.
 */
final class ParkedRecords {

    private static final String SEPARATOR = ", ";
    private static final Pattern BETWEEN_HEADERS = Pattern.compile(Pattern.quote(SEPARATOR) + "(?=[^=,\\s]+=)");

    private ParkedRecords() {
    }

    static ParkedRecord of(ConsumerRecord<String, String> record) {
        String headers = StreamSupport.stream(record.headers().spliterator(), false)
                .map(h -> h.key() + "=" + (h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining(SEPARATOR));
        return new ParkedRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                headers);
    }

    static ConsumerRecord<String, String> toRecord(ParkedRecord parked) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(parked.topic(), parked.partition(),
                parked.offset(), parked.key(), parked.value());
        if (!parked.headers().isEmpty()) {
            for (String header : BETWEEN_HEADERS.split(parked.headers())) {
                int equals = header.indexOf('=');
                String key = equals < 0 ? header : header.substring(0, equals);
                String value = equals < 0 ? "" : header.substring(equals + 1);
                record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
            }
        }
        return record;
    }
}
