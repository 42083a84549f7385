package homework.arch.notifications.api;

import java.util.Arrays;
import java.util.List;

import homework.arch.notifications.domain.SettledOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** The kinds the OpenAPI document offers for a re-drive are the event types the consumer reads. */
class RedriveRequestTest {

    @Test
    void theDocumentedKindsAreTheConsumersEventTypes() throws NoSuchFieldException {
        Schema schema = RedriveRequest.class.getDeclaredField("eventType").getAnnotation(Schema.class);
        assertThat(List.of(schema.enumeration()),
                is(Arrays.stream(SettledOrder.Outcome.values()).map(SettledOrder.Outcome::eventType).toList()));
    }
}
