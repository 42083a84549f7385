package homework.arch.notifications.application;

import homework.arch.notifications.domain.ParkedEvent;
import homework.arch.notifications.domain.RedriveResult;

/**
 * The consumer's own handling of a record, asked for a parked one: the same parsing and the same
 * {@link OrderEvents#handle} (its own transaction, the event id deduplicated), once, without the
 * retries and without parking. The consumer implements it (the parsing of a record is its own).
 */
public interface RecordReplay {

    /**
     * Handled (letter written, or the event found handled before), or still failing with its reason.
     * Throws when the database is away: nothing is decided about the record then.
     */
    RedriveResult replay(ParkedEvent parked);
}
