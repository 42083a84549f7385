package homework.arch.stack.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import homework.arch.stack.fixtures.DebeziumServer;
import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.Postgres;
import homework.arch.stack.fixtures.ServiceProcess;

/** The four services as their built jars, each on a free port with its database, and what stops them all. */
final class ServiceRig {

    private ServiceRig() {
    }

    /** {@link #prepareDatabases(Postgres, List)} for style 2: orders' outbox only. */
    static Map<String, String> prepareDatabases(Postgres postgres) {
        return prepareDatabases(postgres, List.of("orders"));
    }

    /**
     * A new password for each service and the relay, each service's database, and, as the chart's
     * PostgreSQL init does before a service with an outbox migrates, in each of {@code sources} the
     * relay's role (the migration grants it SELECT on the outbox), publication and replication slot.
     * Returns the passwords by role.
     */
    static Map<String, String> prepareDatabases(Postgres postgres, List<String> sources) {
        Map<String, String> passwords = new HashMap<>();
        for (String role : List.of("users", "billing", "orders", "notifications", "relay")) {
            passwords.put(role, UUID.randomUUID().toString());
        }
        for (String service : List.of("users", "billing", "orders", "notifications")) {
            postgres.createServiceDatabase(service, passwords.get(service));
        }
        for (String source : sources) {
            postgres.createReplicationRole("relay", passwords.get("relay"), source);
            DebeziumServer.prepareDatabase(postgres, source);
        }
        return passwords;
    }

    /**
     * Starts users, billing, orders and notifications at once, each with its database in {@code postgres}
     * (password in {@code passwords}), the others' addresses and Kafka at {@code kafkaBootstrap};
     * {@code extraEnv} adds variables to some of them.
     */
    static Map<String, ServiceProcess> start(Postgres postgres, Map<String, String> passwords, String kafkaBootstrap,
                                             Map<String, Map<String, String>> extraEnv, Path logs) {
        Map<String, Integer> ports = Map.of("users", Ports.free(), "billing", Ports.free(), "orders", Ports.free(),
                "notifications", Ports.free());
        Map<String, CompletableFuture<ServiceProcess>> starting = new HashMap<>();
        for (String service : ports.keySet()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "DB_URL", postgres.jdbcUrl(service), "DB_USER", service, "DB_PASSWORD", passwords.get(service),
                    "BILLING_URL", "http://127.0.0.1:" + ports.get("billing"),
                    "USERS_URL", "http://127.0.0.1:" + ports.get("users"),
                    "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap));
            env.putAll(extraEnv.getOrDefault(service, Map.of()));
            starting.put(service, CompletableFuture.supplyAsync(() -> ServiceProcess.startService(service,
                    ports.get(service), env, logs, Duration.ofSeconds(180))));
        }
        Map<String, ServiceProcess> services = new HashMap<>();
        starting.forEach((service, future) -> services.put(service, future.join()));
        return services;
    }

    /** Stops what started (null: did not), the relays first. */
    static void stop(List<DebeziumServer> relays, Map<String, ServiceProcess> services, Kafka kafka, Postgres postgres) {
        relays.forEach(DebeziumServer::stop);
        services.values().forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
