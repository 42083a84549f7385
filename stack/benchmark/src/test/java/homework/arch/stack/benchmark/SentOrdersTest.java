package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gatling JVM's record of the orders it sent, read back by phase. */
class SentOrdersTest {

    @TempDir
    Path dir;

    @Test
    void aPhasesOrdersAreReadBackWithTheirSendTimes() {
        SentOrders.Sent leadIn = new SentOrders.Sent(OrderSimulation.LEAD_IN, UUID.randomUUID(),
                Instant.parse("2026-12-06T12:00:00.123456Z"));
        SentOrders.Sent fixed = new SentOrders.Sent("fixed", UUID.randomUUID(), Instant.parse("2026-12-06T12:00:30.000001Z"));
        Path file = dir.resolve("fixed-sent.csv");

        SentOrders.write(file, List.of(leadIn, fixed));

        assertThat(SentOrders.read(file, "fixed"), is(List.of(fixed)));
        assertThat(SentOrders.read(file, OrderSimulation.LEAD_IN), is(List.of(leadIn)));
    }

    @Test
    void aRunThatWroteNoFileSentNothing() {
        assertThat(SentOrders.read(dir.resolve("none.csv"), "fixed"), is(empty()));
    }
}
