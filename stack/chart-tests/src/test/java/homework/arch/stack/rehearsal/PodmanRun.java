package homework.arch.stack.rehearsal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import homework.arch.stack.chart.ServiceContainer;

/**
 * The {@code podman run} of one service container, made from what the chart renders for it. The
 * settings map one to one (user, read-only root, dropped capabilities, no privilege escalation,
 * emptyDir as tmpfs, memory and CPU limits, environment, pull policy); two things differ, because
 * the local stack's servers bind 127.0.0.1 only and Kafka advertises a loopback address, which a
 * container behind a bridge cannot reach: the container shares the host's network, so it listens
 * on its own loopback port ({@code SERVER_HOST}, {@code SERVER_PORT}) instead of 0.0.0.0:8080, and
 * the chart's in-cluster addresses become the local ones. Secret values are passed by name
 * ({@code --env NAME}) from podman's environment, so no password shows in a process list.
 *
 * @param command     the podman command line
 * @param environment variables podman must be started with (the secrets the container reads)
 */
record PodmanRun(List<String> command, Map<String, String> environment) {

    /** Where and how this host runs the container. */
    record Host(String containerName, int port, ClusterAddresses addresses, Map<String, String> secrets,
                int openFiles, int processes) {
    }

    /** podman's own options that this VM needs: runc (crun is refused) and cgroupfs. */
    static final List<String> PODMAN = List.of("podman", "--runtime", "runc", "--cgroup-manager", "cgroupfs");

    static PodmanRun of(ServiceContainer c, Host host) {
        List<String> args = new ArrayList<>(PODMAN);
        args.addAll(List.of("run", "--rm", "--name", host.containerName(), "--pull", pull(c.pullPolicy()),
                "--network", "host",
                "--ulimit", "nofile=" + host.openFiles() + ":" + host.openFiles(),
                "--ulimit", "nproc=" + host.processes() + ":" + host.processes(),
                "--user", c.user() + ":" + c.group()));
        if (c.readOnlyRoot()) {
            // podman would add writable tmpfs on /tmp, /var/tmp and /run; the chart mounts only its emptyDirs.
            args.addAll(List.of("--read-only", "--read-only-tmpfs=false"));
        }
        c.dropCapabilities().forEach(cap -> args.add("--cap-drop=" + cap));
        if (c.noNewPrivileges()) {
            args.addAll(List.of("--security-opt", "no-new-privileges"));
        }
        c.emptyDirs().forEach((path, size) -> args.addAll(List.of("--tmpfs",
                path + ":rw,mode=1777" + (size == null ? "" : ",size=" + size))));
        if (c.memoryLimitBytes() != null) {
            args.addAll(List.of("--memory", String.valueOf(c.memoryLimitBytes())));
        }
        if (c.cpuLimit() != null) {
            args.addAll(List.of("--cpus", c.cpuLimit().stripTrailingZeros().toPlainString()));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (ServiceContainer.Env e : env(c, host)) {
            if (e.secretKey() != null) {
                String value = host.secrets().get(e.secretKey());
                if (value == null) {
                    throw new IllegalStateException(c.service() + ": no local value for secret key " + e.secretKey());
                }
                environment.put(e.name(), value);
                args.addAll(List.of("--env", e.name()));
            } else {
                args.addAll(List.of("--env", e.name() + "=" + e.value()));
            }
        }
        args.add(c.image());
        return new PodmanRun(List.copyOf(args), Map.copyOf(environment));
    }

    /** The chart's variables, addresses made local, and the listening address moved to the host's loopback port. */
    private static List<ServiceContainer.Env> env(ServiceContainer c, Host host) {
        List<ServiceContainer.Env> env = new ArrayList<>();
        boolean portSet = false;
        for (ServiceContainer.Env e : c.env()) {
            if (e.name().equals("SERVER_PORT")) {
                if (!String.valueOf(c.port()).equals(e.value())) {
                    throw new IllegalStateException(c.service() + ": SERVER_PORT " + e.value()
                            + " is not the container port " + c.port());
                }
                portSet = true;
                env.add(new ServiceContainer.Env(e.name(), String.valueOf(host.port()), null));
            } else if (e.name().equals("SERVER_HOST")) {
                env.add(new ServiceContainer.Env(e.name(), "127.0.0.1", null));
            } else if (e.secretKey() != null) {
                env.add(e);
            } else {
                env.add(new ServiceContainer.Env(e.name(), host.addresses().rewrite(e.value()), null));
            }
        }
        if (!portSet) {
            throw new IllegalStateException(c.service() + ": the chart sets no SERVER_PORT, so the rehearsal cannot move it");
        }
        return env;
    }

    private static String pull(String policy) {
        return switch (policy == null ? "IfNotPresent" : policy) {
            case "Always" -> "always";
            case "Never" -> "never";
            default -> "missing";
        };
    }

    /**
     * Fails unless the probe asks the service's own port: that is the port moved to the host's
     * loopback ({@code SERVER_PORT}), so the probe's path is asked there.
     */
    static void requireServicePort(ServiceContainer c, ServiceContainer.HttpProbe probe) {
        if (probe.port() != c.port()) {
            throw new IllegalStateException(c.service() + ": a probe on port " + probe.port()
                    + ", not the service's " + c.port());
        }
    }
}
