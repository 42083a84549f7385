package homework.arch.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Ports;

/**
 * The loopback ports of every component: the documented defaults, or free ones for tests. Kafka has
 * the ports of as many nodes as the stack may run ({@link #KAFKA_NODES}); the layout says how many run.
 */
public record StackPorts(int ingress, int users, int billing, int orders, int notifications, int debezium,
                         int debeziumMetrics, int postgres, List<Kafka.Node> kafkaNodes) {

    /** The most Kafka nodes the stack runs. */
    public static final int KAFKA_NODES = 3;

    public StackPorts {
        kafkaNodes = List.copyOf(kafkaNodes);
    }

    /** The ports of docs/development.md: Kafka node n on 19092 + 2(n - 1), its controller on the port above. */
    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 8084, 8085, 8086, 15432, IntStream.rangeClosed(1, KAFKA_NODES)
                .mapToObj(n -> new Kafka.Node(n, 19092 + 2 * (n - 1), 19093 + 2 * (n - 1))).toList());
    }

    /** Ports that were free a moment ago, so a test stack can run beside anything else. */
    public static StackPorts free() {
        return new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), IntStream.rangeClosed(1, KAFKA_NODES)
                .mapToObj(n -> new Kafka.Node(n, Ports.free(), Ports.free())).toList());
    }

    public StackPorts withIngress(int port) {
        return new StackPorts(port, users, billing, orders, notifications, debezium, debeziumMetrics, postgres, kafkaNodes);
    }

    /** The first Kafka node's broker port: the only one's, when one runs. */
    public int kafka() {
        return kafkaNodes.getFirst().port();
    }

    public int kafkaController() {
        return kafkaNodes.getFirst().controllerPort();
    }

    public int service(String name) {
        return switch (name) {
            case "users" -> users;
            case "billing" -> billing;
            case "orders" -> orders;
            case "notifications" -> notifications;
            default -> throw new IllegalArgumentException("Unknown service " + name);
        };
    }

    /** Fails with a message naming the first port that is taken and what it was meant for. */
    public void requireFree(int kafkaBrokers) {
        byComponent(kafkaBrokers).forEach((component, port) -> Ports.requireFree(port, component));
    }

    /** The ports of a stack with {@code kafkaBrokers} Kafka nodes, by what listens on each. */
    public Map<String, Integer> byComponent(int kafkaBrokers) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", postgres);
        for (Kafka.Node node : kafkaNodes.subList(0, kafkaBrokers)) {
            String name = kafkaBrokers == 1 ? "Kafka" : "Kafka node " + node.id();
            ports.put(name, node.port());
            ports.put(name + " controller", node.controllerPort());
        }
        ports.put("billing", billing);
        ports.put("users", users);
        ports.put("orders", orders);
        ports.put("notifications", notifications);
        ports.put("Debezium Server", debezium);
        ports.put("Debezium Server metrics", debeziumMetrics);
        ports.put("ingress", ingress);
        return ports;
    }
}
