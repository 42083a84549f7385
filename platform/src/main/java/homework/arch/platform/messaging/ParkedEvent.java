package homework.arch.platform.messaging;

/** A parked record as the table keeps it: its id there, and the record as it came from the broker. */
public record ParkedEvent(long id, ParkedRecord record) {
}
