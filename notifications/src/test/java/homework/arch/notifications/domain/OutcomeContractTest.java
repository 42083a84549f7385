package homework.arch.notifications.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import homework.arch.platform.contract.OrderEventsContract;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** Notifications' side of the order-events contract: the event types it reads are those of openapi/asyncapi.yaml. */
class OutcomeContractTest {

    @Test
    void theEventTypesAndTheirStatusesAreTheContracts() {
        Map<String, String> read = Arrays.stream(SettledOrder.Outcome.values())
                .collect(Collectors.toMap(SettledOrder.Outcome::eventType, SettledOrder.Outcome::name));
        assertThat(read, is(OrderEventsContract.statusByEventType()));
    }

    @Test
    void eachOutcomeGetsALetterOfItsOwnAndAnUnknownEventTypeNone() {
        Set<NotificationType> letters = Arrays.stream(SettledOrder.Outcome.values())
                .map(SettledOrder.Outcome::letterType).collect(Collectors.toSet());
        assertThat(letters, is(Set.of(NotificationType.ORDER_PAID, NotificationType.ORDER_CANCELLED)));
        for (SettledOrder.Outcome outcome : SettledOrder.Outcome.values()) {
            assertThat(SettledOrder.Outcome.ofEventType(outcome.eventType()), is(Optional.of(outcome)));
        }
        assertThat(SettledOrder.Outcome.ofEventType("OrderShipped"), is(Optional.empty()));
    }
}
