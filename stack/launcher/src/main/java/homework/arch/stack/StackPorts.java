package homework.arch.stack;

import java.util.LinkedHashMap;
import java.util.Map;

import homework.arch.stack.fixtures.Ports;

/** The loopback ports of every component: the documented defaults, or free ones for tests. */
public record StackPorts(int ingress, int users, int billing, int orders, int notifications, int debezium,
                         int debeziumMetrics, int postgres, int kafka, int kafkaController) {

    /** The ports of docs/development.md. */
    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 8084, 8085, 8086, 15432, 19092, 19093);
    }

    /** Ports that were free a moment ago, so a test stack can run beside anything else. */
    public static StackPorts free() {
        return new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free());
    }

    public StackPorts withIngress(int port) {
        return new StackPorts(port, users, billing, orders, notifications, debezium, debeziumMetrics, postgres, kafka,
                kafkaController);
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
    public void requireFree() {
        byComponent().forEach((component, port) -> Ports.requireFree(port, component));
    }

    public Map<String, Integer> byComponent() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", postgres);
        ports.put("Kafka", kafka);
        ports.put("Kafka controller", kafkaController);
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
