package homework.arch.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import homework.arch.stack.chaos.Databases;
import homework.arch.stack.fixtures.ClassData;
import homework.arch.stack.fixtures.Folders;
import homework.arch.stack.fixtures.Newman;
import homework.arch.stack.fixtures.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Style 1 end to end: the whole stack in {@code http-only}, started by the launcher's own code,
 * passes the same Postman collection as style 2, runs no Kafka and no relay, and keeps orders'
 * internal letter endpoint behind the ingress.
 */
class HttpOnlyStackIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static Stack stack;

    @BeforeAll
    static void start() {
        Path data = TARGET.resolve("it-stack-http-only");
        Folders.delete(data);
        stack = Stack.on(new StackLayout(data, StackPorts.free()).withStyle(StackStyle.HTTP_ONLY))
                .start(step -> System.out.println("[http-only] starting " + step));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void thePostmanCollectionPassesInStyleOne() {
        Newman.Result newman = Newman.run("127.0.0.1:" + stack.ingressUri().getPort(),
                TARGET.resolve("newman-http-only/report.html"), TARGET.resolve("newman-http-only/newman.log"));

        assertThat("newman reported failed assertions (target/newman-http-only/newman.log and report.html):\n"
                + newman.failures(), newman.exitCode(), is(0));
    }

    @Test
    void noBrokerNoRelayAndNoReplicationSlotRun() {
        assertThat(stack.classData().stream().map(ClassData::name).toList(), not(hasItem("kafka")));
        assertThat(new Databases(stack).query("orders", "SELECT slot_name FROM pg_replication_slots"), is(empty()));
        assertThat(ProcessHandle.current().descendants()
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains("kafka.Kafka") || command.contains("debezium"))
                .toList(), is(empty()));
    }

    @Test
    void theLetterEndpointIsNotRoutedByTheIngress() {
        TestHttp http = new TestHttp(stack.ingressUri());
        TestHttp.Reply reply = http.post("/internal/notifications", json(Map.of("orderId", UUID.randomUUID())));
        assertThat(reply.toString(), reply.status(), is(404));
    }
}
