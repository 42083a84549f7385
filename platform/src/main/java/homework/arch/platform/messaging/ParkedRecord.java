package homework.arch.platform.messaging;

/** A record that could not be handled, as it came from the broker, headers rendered as text. */
public record ParkedRecord(String topic, int partition, long offset, String key, String value, String headers) {
}
