package homework.arch.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import homework.arch.stack.fixtures.ClassData;
import homework.arch.stack.fixtures.DatabaseLogin;
import homework.arch.stack.fixtures.DebeziumServer;
import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.Postgres;
import homework.arch.stack.fixtures.Repository;
import homework.arch.stack.fixtures.ServiceProcess;
import homework.arch.stack.ingress.Endpoints;
import homework.arch.stack.ingress.Ingress;
import homework.arch.stack.ingress.IngressSettings;
import homework.arch.stack.ingress.RouteTable;

/**
 * The whole system on one machine, started in dependency order with a health wait after each step,
 * and stopped in reverse order. Everything it keeps lives in the data folder, so starting it again
 * on the same folder finds the same users, balances, letters and replication slot.
 *
 * <p>Each service runs {@link StackLayout#replicas()} processes. One listens on the service's own
 * port; several listen on free ports behind a {@link Balancer} on it, as pods behind a Kubernetes
 * Service: the other services call that address, and it hands each connection to a replica in
 * rotation (its readiness probe passes). The ingress, like ingress-nginx, balances each request over
 * the addresses of the replicas in that rotation instead (the Service's ready endpoints).
 */
public final class Stack implements AutoCloseable {

    /** The services, in the order their dependencies allow (users and orders call billing). */
    public static final List<String> SERVICES = List.of("billing", "users", "orders", "notifications");
    static final String RELAY_ROLE = "relay";
    private static final Duration SERVICE_READY_WITHIN = Duration.ofSeconds(180);
    /** What {@link #kill} and {@link #restart} call PostgreSQL; the services go by their names. */
    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    public static final String DEBEZIUM = "debezium";

    /**
     * How the stack starts one service on its loopback port and waits until it is ready: by default
     * its jar as a JVM; the container rehearsal runs the service's image instead.
     */
    @FunctionalInterface
    public interface ServiceStarter {
        ServiceStarter JVM = ServiceProcess::startReplica;

        /** {@code env} holds the local addresses and passwords of what the service talks to. */
        ServiceProcess start(String service, String replica, int port, Map<String, String> env, Path logDirectory,
                             Duration readyWithin);
    }

    private final StackLayout layout;
    private final ServiceStarter starter;
    private final Deque<Runnable> stops = new ArrayDeque<>();
    /** The running processes by replica name: {@code orders}, or {@code orders-1}, {@code orders-2}, ... */
    private final Map<String, ServiceProcess> replicas = new LinkedHashMap<>();
    private final Map<String, Integer> replicaPorts = new LinkedHashMap<>();
    private final Map<String, URI> addresses = new LinkedHashMap<>();
    private final Map<String, List<URI>> endpoints = new LinkedHashMap<>();
    private final Map<String, Endpoints> inRotation = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> serviceEnv = new LinkedHashMap<>();
    private Postgres postgres;
    private Secrets secrets;
    private Relay relay;
    private Ingress ingress;
    private boolean closed;
    /** The children this JVM had before this stack started: another stack's (tests run several), not ours to end. */
    private final Set<Long> othersChildren = new HashSet<>();

    private Stack(StackLayout layout, ServiceStarter starter) {
        this.layout = layout;
        this.starter = starter;
    }

    /** A stack that has not started yet: register {@link #close()} as a shutdown hook before {@link #start}. */
    public static Stack on(StackLayout layout) {
        return on(layout, ServiceStarter.JVM);
    }

    /** As {@link #on(StackLayout)}, with the services started by {@code starter}. */
    public static Stack on(StackLayout layout, ServiceStarter starter) {
        return new Stack(layout, starter);
    }

    /** Starts everything or, if a step fails, stops what had started and throws. */
    public Stack start(Consumer<String> progress) {
        ProcessHandle.current().children().forEach(child -> othersChildren.add(child.pid()));
        try {
            startAll(progress);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startAll(Consumer<String> progress) {
        SERVICES.forEach(Repository::serviceJar);
        StackPorts ports = layout.ports();
        StackStyle style = layout.style();
        secrets = Secrets.loadOrCreate(layout.secretsFile(),
                List.of(Postgres.SUPERUSER, "users", "billing", "orders", "notifications", RELAY_ROLE));
        progress.accept("the services in style " + style);

        // Kafka waits on nothing, and only the consumers and Debezium need it: it starts in the
        // background, while PostgreSQL and the services start.
        String kafkaBootstrap = Kafka.bootstrapServers(layout.kafkaNodes());
        CompletableFuture<Runnable> kafka = CompletableFuture.completedFuture(() -> { });
        if (style.broker()) {
            relay = new Relay(layout, secrets);
            progress.accept("Kafka on " + kafkaBootstrap + " (in the background), data in " + layout.kafkaData());
            kafka = CompletableFuture.supplyAsync(relay::startKafka);
            onStop(whenStarted(kafka));
        }

        progress.accept("PostgreSQL on 127.0.0.1:" + ports.postgres() + ", data in " + layout.postgresData());
        postgres = Postgres.start(layout.postgresData(), ports.postgres(), secrets.password(Postgres.SUPERUSER));
        onStop(() -> postgres.close());
        SERVICES.forEach(service -> postgres.createServiceDatabase(service, secrets.password(service)));
        for (String database : style.outboxDatabases()) {
            postgres.createReplicationRole(RELAY_ROLE, secrets.password(RELAY_ROLE), database);
            DebeziumServer.prepareDatabase(postgres, database);
        }

        progress.accept("services " + String.join(", ", SERVICES) + " (separate JVMs, in parallel"
                + (layout.replicas().scaledOut() ? "; replicas: " + layout.replicas() : "") + ")");
        awaitServices(startServices(postgres, secrets, kafkaBootstrap));
        awaitStarted("Kafka", kafka);

        if (style.broker()) {
            // The slot exists since the database does, so the relay may start at any time without
            // losing an event; it starts last because beside the services it slowed them all (two cores).
            progress.accept("Debezium Server on 127.0.0.1:" + ports.debezium() + " (orders' outbox to Kafka)"
                    + (style.outboxDatabases().size() > 1 ? ", and one for each of " + style.outboxDatabases().stream()
                    .filter(database -> !database.equals("orders")).toList() + " on free ports" : ""));
            onStop(relay.startDebezium(postgres));
        }

        progress.accept("ingress on 127.0.0.1:" + ports.ingress());
        ingress = Ingress.start(IngressSettings.onPort(ports.ingress()), RouteTable.bundled(), Map.copyOf(inRotation));
        onStop(ingress::close);
    }

    private Map<String, CompletableFuture<ServiceProcess>> startServices(Postgres postgres, Secrets secrets,
                                                                        String kafkaBootstrap) {
        StackPorts ports = layout.ports();
        Map<String, CompletableFuture<ServiceProcess>> starting = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("DB_URL", postgres.jdbcUrl(service));
            env.put("DB_USER", service);
            env.put("DB_PASSWORD", secrets.password(service));
            env.put("BILLING_URL", "http://127.0.0.1:" + ports.billing());
            env.put("USERS_URL", "http://127.0.0.1:" + ports.users());
            env.put("NOTIFICATIONS_URL", "http://127.0.0.1:" + ports.service("notifications"));
            env.put("STYLE", layout.style().configName());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
            serviceEnv.put(service, env);
            List<String> names = replicaNames(service);
            if (names.size() == 1) {
                replicaPorts.put(service, ports.service(service));
                addresses.put(service, URI.create("http://127.0.0.1:" + ports.service(service)));
                endpoints.put(service, List.of(addresses.get(service)));
                inRotation.put(service, Endpoints.fixed(endpoints.get(service)));
            } else {
                names.forEach(name -> replicaPorts.put(name, Ports.free()));
                Balancer balancer = Balancer.start(service, ports.service(service),
                        names.stream().map(replicaPorts::get).toList());
                onStop(balancer::close);
                addresses.put(service, balancer.uri());
                endpoints.put(service, names.stream().map(name -> URI.create("http://127.0.0.1:" + replicaPorts.get(name))).toList());
                inRotation.put(service, balancer::inRotation);
            }
            for (String name : names) {
                starting.put(name, CompletableFuture.supplyAsync(() -> startReplica(name)));
            }
        }
        return starting;
    }

    /** {@code orders} when it runs alone, else {@code orders-1} to {@code orders-N}. */
    private List<String> replicaNames(String service) {
        int count = layout.replicas().of(service);
        return count == 1 ? List.of(service)
                : IntStream.rangeClosed(1, count).mapToObj(i -> service + "-" + i).toList();
    }

    private ServiceProcess startReplica(String name) {
        String service = serviceOf(name);
        return starter.start(service, name, replicaPorts.get(name), serviceEnv.get(service), layout.logs(),
                SERVICE_READY_WITHIN);
    }

    private static String serviceOf(String replica) {
        return SERVICES.stream().filter(s -> replica.equals(s) || replica.startsWith(s + "-")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown service or replica " + replica));
    }

    /** Waits for every service; each one that started is stopped with the stack, even if another failed. */
    private void awaitServices(Map<String, CompletableFuture<ServiceProcess>> starting) {
        RuntimeException failure = null;
        for (Map.Entry<String, CompletableFuture<ServiceProcess>> entry : starting.entrySet()) {
            try {
                ServiceProcess process = entry.getValue().join();
                replicas.put(entry.getKey(), process);
                onStop(() -> replicas.get(entry.getKey()).stop());
            } catch (CompletionException e) {
                failure = failure == null ? new IllegalStateException(entry.getKey() + " did not start", e.getCause()) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits for a component started in the background; its failure to start is thrown. */
    private static void awaitStarted(String component, CompletableFuture<Runnable> starting) {
        try {
            starting.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(component + " did not start", e.getCause());
        }
    }

    /**
     * Stops a component started in the background: at once if it has started, as soon as it has if
     * it is still starting (a stop during start-up never waits for it), and not at all if it failed.
     */
    private static Runnable whenStarted(CompletableFuture<Runnable> starting) {
        return () -> starting.thenAccept(Runnable::run);
    }

    /** Remembers how to stop what just started; if the stack is already stopping, stops it at once. */
    private synchronized void onStop(Runnable stop) {
        if (closed) {
            stop.run();
            throw new IllegalStateException("The stack is stopping");
        }
        stops.push(stop);
    }

    /**
     * SIGKILL of one component, as a crash would (the fault suite's hook): {@link #POSTGRES},
     * {@link #KAFKA} (every node) or one Kafka node ({@code kafka-2}), {@link #DEBEZIUM} (orders'
     * relay; in style 3 also {@code debezium-users} and {@code debezium-billing}), a service (all its
     * replicas) or one replica ({@code orders-2}).
     */
    public synchronized void kill(String component) {
        if (POSTGRES.equals(component)) {
            postgres.crash();
        } else if (Relay.isKafka(component) || component.startsWith(DEBEZIUM)) {
            relay().kill(component);
        } else {
            replicasOf(component).forEach(name -> replicas.get(name).kill());
        }
    }

    /** Starts a killed component again on its port and data, and returns once it is healthy. */
    public synchronized void restart(String component) {
        if (POSTGRES.equals(component)) {
            postgres = Postgres.start(layout.postgresData(), layout.ports().postgres(), secrets.password(Postgres.SUPERUSER));
        } else if (Relay.isKafka(component) || component.startsWith(DEBEZIUM)) {
            relay().restart(component);
        } else {
            replicasOf(component).forEach(name -> replicas.put(name, startReplica(name)));
        }
    }

    /** The relays' health ports by component ({@code debezium}, {@code debezium-users}, ...); none without a broker. */
    public Map<String, Integer> relays() {
        return relay == null ? Map.of() : relay.healthPorts();
    }

    /** Kafka and Debezium Server, in the styles with a broker. */
    private Relay relay() {
        if (relay == null) {
            throw new IllegalStateException("style " + layout.style() + " runs no Kafka and no relay");
        }
        return relay;
    }

    /** The replica itself, or every replica of a service. */
    private List<String> replicasOf(String component) {
        return replicas.containsKey(component) ? List.of(component) : replicaNames(serviceOf(component));
    }

    /** The running Kafka, for what the fault suite reads of it (a partition's leader); {@link #kill} and {@link #restart} act on it. */
    public Kafka kafka() {
        return relay().kafka();
    }

    public URI ingressUri() {
        return ingress.uri();
    }

    /** The address of each service, as its callers reach it: its one process, or the balancer before its replicas. */
    public Map<String, URI> services() {
        return Map.copyOf(addresses);
    }

    /**
     * The replicas' own addresses by service, as a Kubernetes Service's endpoints: what the ingress
     * balances over, those in rotation.
     */
    public Map<String, List<URI>> endpoints() {
        return Map.copyOf(endpoints);
    }

    /** Every service process by replica name ({@code orders}, or {@code orders-1}, ...), in start order. */
    public Map<String, ServiceProcess> replicas() {
        return new LinkedHashMap<>(replicas);
    }

    /** The class-data archives of the stack's JVMs (see {@link ClassData}). */
    public List<ClassData> classData() {
        return Stream.concat(SERVICES.stream().map(ServiceProcess::classData),
                layout.style().broker() ? Stream.of(Kafka.classData(), DebeziumServer.classData()) : Stream.empty()).toList();
    }

    /**
     * How {@code role} ({@link Postgres#SUPERUSER}, a service, the relay) logs in to the stack's
     * PostgreSQL: every role by its password, generated on first start into {@link StackLayout#secretsFile()}.
     */
    public DatabaseLogin databaseLogin(String role) {
        return new DatabaseLogin(layout.ports().postgres(), role, secrets.password(role));
    }

    public StackLayout layout() {
        return layout;
    }

    /**
     * Stops in reverse start order; each step's failure is reported, and the others still run. A
     * process still starting (Ctrl-C during start-up) is ended too: no child this stack started
     * outlives it. Children the JVM had before, another stack's, are left alone.
     */
    @Override
    public synchronized void close() {
        closed = true;
        while (!stops.isEmpty()) {
            try {
                stops.pop().run();
            } catch (RuntimeException e) {
                System.err.println("stack: a component did not stop cleanly: " + e);
            }
        }
        List<ProcessHandle> ours = ProcessHandle.current().children().filter(child -> !othersChildren.contains(child.pid()))
                .flatMap(child -> Stream.concat(child.descendants(), Stream.of(child))).toList();
        ours.forEach(ProcessHandle::destroy);
        ours.forEach(process -> process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS)
                .thenAccept(ProcessHandle::destroyForcibly).join());
    }

    static Path logOf(StackLayout layout, String component) {
        return layout.logs().resolve(component + ".log");
    }
}
