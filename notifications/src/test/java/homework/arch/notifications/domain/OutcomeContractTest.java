package homework.arch.notifications.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import homework.arch.platform.contract.OrderEventsContract;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notifications' side of the order-events contract: the event types it reads are those of openapi/asyncapi.yaml. */
class OutcomeContractTest {

    @Test
    void theEventTypesAndTheirStatusesAreTheContracts() {
        Map<String, String> read = Arrays.stream(SettledOrder.Outcome.values())
                .collect(Collectors.toMap(SettledOrder.Outcome::eventType, SettledOrder.Outcome::name));
        assertEquals(OrderEventsContract.statusByEventType(), read);
    }

    @Test
    void eachOutcomeGetsALetterOfItsOwnAndAnUnknownEventTypeNone() {
        Set<NotificationType> letters = Arrays.stream(SettledOrder.Outcome.values())
                .map(SettledOrder.Outcome::letterType).collect(Collectors.toSet());
        assertEquals(Set.of(NotificationType.ORDER_PAID, NotificationType.ORDER_CANCELLED), letters);
        for (SettledOrder.Outcome outcome : SettledOrder.Outcome.values()) {
            assertEquals(outcome, SettledOrder.Outcome.ofEventType(outcome.eventType()).orElseThrow());
        }
        assertTrue(SettledOrder.Outcome.ofEventType("OrderShipped").isEmpty());
    }
}
