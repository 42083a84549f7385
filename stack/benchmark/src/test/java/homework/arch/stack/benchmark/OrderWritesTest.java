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
    void styleEventCollaborationCommitsEachStepWithTheEventItHandledAndTheEventItPublishes() {
        List<List<String>> writes = OrderWrites.transactions(StackStyle.EVENT_COLLABORATION);
        List<List<String>> broker = OrderWrites.transactions(StackStyle.HTTP_BROKER);

        assertThat(writes, hasSize(4));
        // orders: the PENDING order and its OrderCreated, which billing then records as handled.
        assertThat(writes.get(0).get(0), is(broker.get(0).get(0)));
        assertThat(writes.get(0).get(1), containsString("INSERT INTO orders.outbox"));
        assertThat(writes.get(0).get(1), containsString("(:cid, 'order', :oid::text, 'OrderCreated'"));
        // billing: the event's id, the same withdrawal as in the other styles, and PaymentCompleted.
        assertThat(writes.get(1).get(0), containsString("INSERT INTO billing.processed_events"));
        assertThat(writes.get(1).get(0), containsString("(:cid, 'OrderCreated'"));
        assertThat(writes.get(1).subList(1, 5), is(broker.get(1)));
        assertThat(writes.get(1).get(5), containsString("INSERT INTO billing.outbox"));
        assertThat(writes.get(1).get(5), containsString("(:pid, 'payment', :oid::text, 'PaymentCompleted'"));
        // orders: the payment's id, the PAID status if still PENDING, and OrderPaid for notifications.
        assertThat(writes.get(2).get(0), containsString("INSERT INTO orders.processed_events"));
        assertThat(writes.get(2).get(0), containsString("(:pid, 'PaymentCompleted'"));
        assertThat(writes.get(2).get(1), containsString("status = 'PAID'"));
        assertThat(writes.get(2).get(1), containsString("AND status = 'PENDING'"));
        assertThat(writes.get(2).get(2), is(broker.get(2).get(1)));
        // notifications: as in style http-broker.
        assertThat(writes.get(3), is(broker.get(3)));
    }

    @Test
    void thePgbenchScriptRunsEachTransactionOfTheStyle() {
        for (StackStyle style : StackStyle.values()) {
            String script = OrderWrites.pgbenchScript(style);
            assertThat(style.configName(), script.split("BEGIN;").length - 1, is(OrderWrites.transactions(style).size()));
            assertThat(style.configName(), script.split("COMMIT;").length - 1, is(OrderWrites.transactions(style).size()));
        }
        assertThat(OrderWrites.pgbenchScript(StackStyle.HTTP_ONLY), not(containsString("outbox")));
        // Every per-order value the statements name is set before the first transaction.
        String header = OrderWrites.pgbenchScript(StackStyle.EVENT_COLLABORATION).split("BEGIN;")[0];
        for (String id : new String[] {"oid", "lid", "eid", "cid", "pid", "nid", "uid", "price"}) {
            assertThat(id, header, containsString(" AS " + id));
        }
    }
}
