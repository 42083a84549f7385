package homework.arch.stack.rehearsal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import homework.arch.stack.Stack;
import homework.arch.stack.StackLayout;
import homework.arch.stack.StackPorts;
import homework.arch.stack.chart.ServiceContainer;
import homework.arch.stack.fixtures.ServiceProcess;

/**
 * Starts a service as its image in a podman container, with the settings the chart renders
 * ({@link PodmanRun}), and waits as the kubelet would: the startup probe within its budget
 * (period x failure threshold), then the readiness probe; one that exits first is started again. The
 * container's output is the service's log.
 */
final class ContainerStarter implements Stack.ServiceStarter {

    /**
     * Starts of one container before the rehearsal gives up. A pod's container that exits is started
     * again by the kubelet (restartPolicy Always); here a service that exits during start-up (seen:
     * users' first connection to PostgreSQL waited over its 2 s acquisition timeout while four JVMs,
     * Kafka and PostgreSQL started on two cores) gets the same second chance, and the rehearsal
     * reports it.
     */
    private static final int MAX_STARTS = 3;

    private final ServiceContainer.Render chart;
    private final StackLayout layout;
    private final int openFiles;
    private final int processes;
    private final List<String> containers = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();

    ContainerStarter(ServiceContainer.Render chart, StackLayout layout, int openFiles, int processes) {
        this.chart = chart;
        this.layout = layout;
        this.openFiles = openFiles;
        this.processes = processes;
    }

    @Override
    public ServiceProcess start(String service, String replica, int port, Map<String, String> env, Path logDirectory,
                                Duration readyWithin) {
        ServiceContainer container = chart.service(service);
        PodmanRun.Host host = new PodmanRun.Host(containerName(replica), port, addresses(), secrets(),
                openFiles, processes);
        PodmanRun run = PodmanRun.of(container, host);
        PodmanRun.requireServicePort(container, container.startup());
        PodmanRun.requireServicePort(container, container.readiness());
        containers.add(host.containerName());
        for (int attempt = 1; ; attempt++) {
            Podman.removeContainers(List.of(host.containerName()));
            ServiceProcess process = ServiceProcess.start(replica, run.command(), run.environment(), logDirectory, port);
            try {
                ServiceContainer.HttpProbe startup = container.startup();
                process.awaitHttp(startup.path(), Duration.ofSeconds((long) startup.periodSeconds() * startup.failureThreshold()));
                process.awaitHttp(container.readiness().path(), readyWithin);
                return process;
            } catch (IllegalStateException e) {
                if (process.isAlive() || attempt == MAX_STARTS) {
                    process.stop();
                    throw e;
                }
                restarts.merge(replica, 1, Integer::sum);
                System.out.println("[rehearsal] " + replica + ": the container exited before it was ready (start " + attempt
                        + " of " + MAX_STARTS + "); started again, as the kubelet would: "
                        + e.getMessage().lines().filter(line -> line.contains("Exception")).findFirst().orElse(""));
            }
        }
    }

    /** How many times each service's container exited before it was ready and was started again. */
    Map<String, Integer> restarts() {
        return Map.copyOf(restarts);
    }

    /**
     * The container of a service: {@code arch-rehearsal-<run>-<service>}, the run named by
     * {@code stack/rehearse} ({@code -Drehearse.run}), which removes them if the test JVM cannot,
     * or else the ingress port, which keeps two rehearsals apart.
     */
    String containerName(String service) {
        return "arch-rehearsal-" + System.getProperty("rehearse.run", String.valueOf(layout.ports().ingress())) + "-" + service;
    }

    /** Removes what a killed {@code podman run} may have left. */
    void removeLeftovers() {
        Podman.removeContainers(containers);
    }

    /** The chart's Services, each at the port the local stack runs it on. */
    private ClusterAddresses addresses() {
        StackPorts ports = layout.ports();
        String prefix = chart.namePrefix();
        Map<String, Integer> local = new LinkedHashMap<>();
        local.put(prefix + "postgres", ports.postgres());
        local.put(prefix + "kafka", ports.kafka());
        local.put(prefix + "outbox-relay", ports.debezium());
        Stack.SERVICES.forEach(service -> local.put(prefix + service, ports.service(service)));
        return new ClusterAddresses(chart.servicePorts(), local);
    }

    /** The local stack's generated passwords under the keys of the chart's Secret ({@code <role>-password}). */
    private Map<String, String> secrets() {
        Properties passwords = new Properties();
        try (Reader in = Files.newBufferedReader(layout.secretsFile())) {
            passwords.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local stack's passwords", e);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        passwords.stringPropertyNames().forEach(role -> secrets.put(role + "-password", passwords.getProperty(role)));
        return secrets;
    }
}
