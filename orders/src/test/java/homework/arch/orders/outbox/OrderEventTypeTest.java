package homework.arch.orders.outbox;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import homework.arch.orders.domain.OrderStatus;
import homework.arch.platform.contract.OrderEventsContract;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Orders' side of the order-events contract: the event types it writes are those of openapi/asyncapi.yaml. */
class OrderEventTypeTest {

    @Test
    void theEventTypesAndTheirStatusesAreTheContracts() {
        Map<String, String> written = Arrays.stream(OrderEventType.values())
                .collect(Collectors.toMap(OrderEventType::eventType, type -> type.status().name()));
        assertThat(written, is(OrderEventsContract.statusByEventType()));
    }

    @Test
    void everyFinalStatusHasItsEventAndAPendingOrderNone() {
        for (OrderStatus status : OrderStatus.values()) {
            if (status.isFinal()) {
                assertThat(OrderEventType.of(status).status(), is(status));
            } else {
                assertThrows(IllegalArgumentException.class, () -> OrderEventType.of(status));
            }
        }
    }
}
