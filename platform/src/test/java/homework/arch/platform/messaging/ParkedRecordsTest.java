package homework.arch.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** A record kept in parked_events comes back as the consumer polled it, headers included. */
class ParkedRecordsTest {

    @Test
    void aRecordAsTheRelayWritesItComesBackWhole() throws Exception {
        UUID event = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        ConsumerRecord<String, String> polled = new ConsumerRecord<>("order.events", 2, 41, order.toString(),
                "{\"orderId\":\"" + order + "\",\"userId\":\"" + UUID.randomUUID() + "\",\"email\":\"ann@example.com\","
                        + "\"price\":10,\"status\":\"PAID\",\"occurredAt\":\"2025-11-23T21:05:07.123Z\"}");
        polled.headers().add("id", ("\"" + event + "\"").getBytes(StandardCharsets.UTF_8));
        polled.headers().add("eventType", "\"OrderPaid\"".getBytes(StandardCharsets.UTF_8));
        polled.headers().add("traceparent",
                "\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"".getBytes(StandardCharsets.UTF_8));

        ParkedRecord parked = ParkedRecords.of(polled);
        ConsumerRecord<String, String> back = ParkedRecords.toRecord(parked);

        assertThat(parked.headers(), is("id=\"" + event + "\", eventType=\"OrderPaid\", "
                + "traceparent=\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\""));
        assertThat(List.of(back.topic(), back.partition(), back.offset(), back.key(), back.value()),
                is(List.of(polled.topic(), polled.partition(), polled.offset(), polled.key(), polled.value())));
        assertThat(headers(back), is(headers(polled)));
        assertThat(EventRecord.of(back), is(EventRecord.of(polled)));
    }

    @Test
    void headersWithoutValuesOrWithCommasAndEqualsSignsInTheirValuesComeBackAsTheyWere() {
        ConsumerRecord<String, String> polled = new ConsumerRecord<>("order.events", 0, 3, null, null);
        polled.headers().add("empty", null);
        polled.headers().add("note", "a, b = c,d".getBytes(StandardCharsets.UTF_8));
        polled.headers().add("id", "x".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, String> back = ParkedRecords.toRecord(ParkedRecords.of(polled));

        assertThat(headers(back), is(List.of("empty=", "note=a, b = c,d", "id=x")));
        assertThat(headers(ParkedRecords.toRecord(ParkedRecords.of(
                new ConsumerRecord<>("order.events", 0, 4, "k", "v")))), is(List.of()));
    }

    private static List<String> headers(ConsumerRecord<String, String> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .map(ParkedRecordsTest::text).toList();
    }

    private static String text(Header header) {
        return header.key() + "=" + (header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
    }
}
