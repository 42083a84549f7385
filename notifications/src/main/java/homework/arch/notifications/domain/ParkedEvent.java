package homework.arch.notifications.domain;

/** A parked record as the table keeps it: its id there, and the record as it came from the broker. */
public record ParkedEvent(long id, ParkedRecord record) {
}
