package homework.arch.stack;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import homework.arch.stack.ingress.RouteTable;

/** The "what runs where" table printed once the stack is ready. */
final class StatusTable {

    private StatusTable() {
    }

    static String render(Stack stack, Duration startup) {
        StackLayout layout = stack.layout();
        StackPorts ports = layout.ports();
        URI ingress = stack.ingressUri();
        RouteTable routes = RouteTable.bundled();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nThe local stack is ready in %.1f s, style %s. Data: %s%n%n",
                startup.toMillis() / 1000.0, layout.style(), layout.dataDirectory()));
        out.append(String.format("  %-16s %-44s %s%n", "component", "address", "log"));
        row(out, "ingress", ingress.toString(), "(the launcher's own output)");
        for (String name : Stack.SERVICES) {
            if (layout.replicas().of(name) > 1) {
                row(out, name, stack.services().get(name) + "  (" + layout.replicas().of(name) + " replicas, balanced)", "");
            }
        }
        stack.replicas().forEach((name, replica) ->
                row(out, name, replica.uri() + "  (pid " + replica.pid() + ")", replica.log().toString()));
        if (layout.style().broker()) {
            stack.relays().forEach((relay, port) -> row(out, relay.equals(Stack.DEBEZIUM) ? "Debezium Server"
                    : "  " + relay, "http://127.0.0.1:" + port + "/q/health",
                    Stack.logOf(layout, relay.equals(Stack.DEBEZIUM) ? "debezium-server" : "debezium-server-"
                            + relay.substring(Stack.DEBEZIUM.length() + 1)).toString()));
            row(out, "  its metrics", "http://127.0.0.1:" + ports.debeziumMetrics() + "/metrics", "(outbox-relay/metrics.yml)");
            String topics = String.join(", ", layout.style().topics());
            if (layout.kafkaBrokers() == 1) {
                row(out, "Kafka", "127.0.0.1:" + ports.kafka() + "  topics " + topics, Stack.logOf(layout, "kafka").toString());
            } else {
                row(out, "Kafka", layout.kafkaBrokers() + " brokers, topics " + topics + " on each", "");
                layout.kafkaNodes().forEach(node -> row(out, "  kafka-" + node.id(), "127.0.0.1:" + node.port()
                        + "  (controller " + node.controllerPort() + ")", Stack.logOf(layout, "kafka-" + node.id()).toString()));
            }
        }
        row(out, "PostgreSQL", "127.0.0.1:" + ports.postgres() + "  one database per service",
                "passwords: " + layout.secretsFile());
        out.append(String.format("%n  %-16s %-44s %s%n", "OpenAPI UI", "through the ingress", "direct"));
        for (String name : Stack.SERVICES) {
            String publicPath = routes.openApiPath(name).orElse("(not routed)");
            row(out, name, ingress + publicPath + "/ui", stack.services().get(name) + "/openapi/ui");
        }
        out.append(String.format("%nTry:   curl -s %s/users -H 'Content-Type: application/json' "
                + "-d '{\"name\":\"Ann\",\"email\":\"ann@example.com\"}'%n", ingress));
        out.append("Stop:  Ctrl-C here, or stack/stop when it runs in the background.\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String what, String where, String log) {
        out.append(String.format("  %-16s %-44s %s%n", what, where, log));
    }
}
