package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.List;

import homework.arch.stack.StackStyle;
import org.junit.jupiter.api.Test;

/** The database limit runs the writes of one paid order as the run's style commits them. */
class OrderWritesTest {

    @Test
    void styleHttpOnlyStoresTheLetterOncePerOrderBeforeTheFinalStatusAndNoEvent() {
        List<List<String>> writes = OrderWrites.transactions(StackStyle.HTTP_ONLY);

        assertThat(writes, hasSize(4));
        assertThat(writes.subList(0, 2), is(OrderWrites.transactions(StackStyle.HTTP_BROKER).subList(0, 2)));
        assertThat(String.join(";", writes.get(2)), containsString("INSERT INTO notifications.notifications"));
        assertThat(String.join(";", writes.get(2)), containsString("ON CONFLICT (order_id, type)"));
        assertThat(String.join(";", writes.get(3)), containsString("status = 'PAID'"));
        assertThat(String.join(";", writes.get(3)), containsString("AND status = 'PENDING'"));
        String all = writes.toString();
        assertThat(all, not(containsString("outbox")));
        assertThat(all, not(containsString("processed_events")));
    }

    @Test
    void styleHttpBrokerWritesTheOutboxRowWithTheStatusAndTheEventWithTheLetter() {
        List<List<String>> writes = OrderWrites.transactions(StackStyle.HTTP_BROKER);

        assertThat(writes, hasSize(4));
        assertThat(String.join(";", writes.get(2)), containsString("INSERT INTO orders.outbox"));
        assertThat(String.join(";", writes.get(3)), containsString("INSERT INTO notifications.processed_events"));
    }

    @Test
    void thePgbenchScriptRunsEachTransactionOfTheStyle() {
        for (StackStyle style : StackStyle.values()) {
            String script = OrderWrites.pgbenchScript(style);
            assertThat(style.configName(), script.split("BEGIN;").length - 1, is(OrderWrites.transactions(style).size()));
            assertThat(style.configName(), script.split("COMMIT;").length - 1, is(OrderWrites.transactions(style).size()));
        }
        assertThat(OrderWrites.pgbenchScript(StackStyle.HTTP_ONLY), not(containsString("outbox")));
    }
}
