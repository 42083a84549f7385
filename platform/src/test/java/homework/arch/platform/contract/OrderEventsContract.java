package homework.arch.platform.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The order-events contract as {@code openapi/asyncapi.yaml} states it, for the tests of both its
 * sides (orders writes the events, notifications reads them): which event types there are, and
 * the order status each one announces.
 */
public final class OrderEventsContract {

    private OrderEventsContract() {
    }

    /**
     * Each event type (a message of the contract) and the payload {@code status} of its example.
     * Fails if the messages, the {@code eventType} header's values and the payload's statuses do
     * not name the same events.
     */
    public static Map<String, String> statusByEventType() {
        JsonNode contract = read(file());
        Map<String, String> statuses = new LinkedHashMap<>();
        contract.at("/components/messages").properties().forEach(message -> statuses.put(message.getKey(),
                message.getValue().at("/examples/0/payload/status").asText()));
        Set<String> headerValues = values(contract.at("/components/schemas/OrderEventHeaders/properties/eventType/enum"));
        Set<String> payloadStatuses = values(contract.at("/components/schemas/OrderEvent/properties/status/enum"));
        if (!headerValues.equals(statuses.keySet()) || !payloadStatuses.equals(new HashSet<>(statuses.values()))) {
            throw new AssertionError(file() + " is not consistent: messages and their statuses " + statuses
                    + ", eventType header " + headerValues + ", payload status " + payloadStatuses);
        }
        return statuses;
    }

    /** {@code openapi/asyncapi.yaml} of the checkout this runs in. */
    public static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("openapi").resolve("asyncapi.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No openapi/asyncapi.yaml above " + Path.of("").toAbsolutePath());
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
