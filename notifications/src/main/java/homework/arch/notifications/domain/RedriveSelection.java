package homework.arch.notifications.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which parked records to send through the consumer again: those whose {@code eventType} header
 * names one kind of order event, those with an id in {@code fromId..toId} (either end may be left
 * open), or both at once. It always names something: an empty selection would mean "every parked
 * record", which an operator should have to say with a range.
 */
public record RedriveSelection(String eventType, Long fromId, Long toId) {

    public RedriveSelection {
        if (eventType == null && fromId == null && toId == null) {
            throw new InvalidRedriveSelectionException("body", "names no parked records: give eventType, fromId or toId");
        }
        if (eventType != null && SettledOrder.Outcome.ofEventType(eventType).isEmpty()) {
            throw new InvalidRedriveSelectionException("eventType", "is not a kind of order event: one of "
                    + Arrays.stream(SettledOrder.Outcome.values()).map(SettledOrder.Outcome::eventType)
                            .collect(Collectors.joining(", ")));
        }
        if (fromId != null && toId != null && fromId > toId) {
            throw new InvalidRedriveSelectionException("toId", "is below fromId: the range is empty");
        }
    }

    public Optional<String> kind() {
        return Optional.ofNullable(eventType);
    }

    /** The lowest id selected. */
    public long lowestId() {
        return fromId == null ? Long.MIN_VALUE : fromId;
    }

    /** The highest id selected. */
    public long highestId() {
        return toId == null ? Long.MAX_VALUE : toId;
    }
}
