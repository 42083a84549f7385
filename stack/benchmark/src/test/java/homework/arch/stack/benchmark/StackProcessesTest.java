package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import homework.arch.stack.StackStyle;
import org.junit.jupiter.api.Test;

/** The relays' rows: one per outbox, told apart by the database the launcher gave each. */
class StackProcessesTest {

    @Test
    void aStyleWithOneRelayKeepsItsRowAndEventCollaborationHasOnePerOutbox() {
        assertThat(StackProcesses.relay(StackStyle.HTTP_BROKER, "orders"), is(StackProcesses.DEBEZIUM));
        assertThat(StackStyle.EVENT_COLLABORATION.outboxDatabases().stream()
                        .map(database -> StackProcesses.relay(StackStyle.EVENT_COLLABORATION, database)).toList(),
                is(java.util.List.of("Debezium Server (users)", "Debezium Server (billing)", "Debezium Server (orders)")));
    }

    @Test
    void theRelaysDatabaseIsReadFromItsEnvironment() {
        byte[] environ = "PATH=/usr/bin\0RELAY_DB_HOST=127.0.0.1\0RELAY_DB_NAME=billing\0RELAY_SLOT_NAME=x\0"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(StackProcesses.databaseIn(environ), is(Optional.of("billing")));
        assertThat(StackProcesses.databaseIn("PATH=/usr/bin\0".getBytes(StandardCharsets.UTF_8)), is(Optional.empty()));
    }

    @Test
    void aRelaysMetricsPortIsItsExporterAgents() {
        String command = "/jdk/bin/java -Xmx160m -javaagent:/lib/jmx_prometheus_javaagent-1.0.1.jar=127.0.0.1:40123:"
                + "/repo/outbox-relay/metrics.yml -cp lib/* io.debezium.server.Main";

        assertThat(StackProcesses.metricsPortIn(command), is(Optional.of(40123)));
        assertThat(StackProcesses.metricsPortIn("/jdk/bin/java -cp lib/* io.debezium.server.Main"), is(Optional.empty()));
    }
}
