package homework.arch.platform.messaging;

import java.util.Optional;

/**
 * Which parked records a re-drive sends through their consumer again: those whose {@code eventType}
 * header names {@code eventType} (any when null), with an id in {@code lowestId..highestId}. A
 * service checks what its operators ask for before it makes one.
 */
public record ParkedSelection(String eventType, long lowestId, long highestId) {

    public Optional<String> kind() {
        return Optional.ofNullable(eventType);
    }
}
