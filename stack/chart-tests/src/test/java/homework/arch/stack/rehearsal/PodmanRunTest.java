package homework.arch.stack.rehearsal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import homework.arch.stack.chart.ServiceContainer;
import homework.arch.stack.chart.ServiceContainer.Env;
import homework.arch.stack.chart.ServiceContainer.HttpProbe;

class PodmanRunTest {

    private static final ClusterAddresses ADDRESSES = new ClusterAddresses(
            Map.of("arch-postgres", List.of(5432), "arch-billing", List.of(80), "arch-kafka", List.of(9092)),
            Map.of("arch-postgres", 25432, "arch-billing", 28082, "arch-kafka", 29092));
    private static final PodmanRun.Host HOST = new PodmanRun.Host("arch-rehearsal-1-orders", 28083, ADDRESSES,
            Map.of("orders-password", "s3cret"), 20000, 32768);

    @Test
    void theChartsSettingsBecomePodmanOptions() {
        Map<String, Long> emptyDirs = new LinkedHashMap<>();
        emptyDirs.put("/tmp", 268435456L);
        ServiceContainer orders = new ServiceContainer("orders", "localhost:5000/arch-orders:1.0", "IfNotPresent",
                185, 186, true, true, List.of("ALL"), emptyDirs,
                List.of(new Env("SERVER_HOST", "0.0.0.0", null), new Env("SERVER_PORT", "8080", null),
                        new Env("DB_URL", "jdbc:postgresql://arch-postgres:5432/orders", null),
                        new Env("DB_PASSWORD", null, "orders-password"),
                        new Env("BILLING_URL", "http://arch-billing", null),
                        new Env("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75", null)),
                536870912L, new BigDecimal("1.000"), 8080, probe("/health/live"), probe("/health/live"),
                probe("/health/ready"));

        PodmanRun run = PodmanRun.of(orders, HOST);

        assertEquals(List.of("podman", "--runtime", "runc", "--cgroup-manager", "cgroupfs",
                "run", "--rm", "--name", "arch-rehearsal-1-orders", "--pull", "missing", "--network", "host",
                "--ulimit", "nofile=20000:20000", "--ulimit", "nproc=32768:32768", "--user", "185:186",
                "--read-only", "--read-only-tmpfs=false", "--cap-drop=ALL", "--security-opt", "no-new-privileges",
                "--tmpfs", "/tmp:rw,mode=1777,size=268435456", "--memory", "536870912", "--cpus", "1",
                "--env", "SERVER_HOST=127.0.0.1", "--env", "SERVER_PORT=28083",
                "--env", "DB_URL=jdbc:postgresql://127.0.0.1:25432/orders", "--env", "DB_PASSWORD",
                "--env", "BILLING_URL=http://127.0.0.1:28082", "--env", "JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75",
                "localhost:5000/arch-orders:1.0"), run.command());
        assertEquals(Map.of("DB_PASSWORD", "s3cret"), run.environment());
    }

    @Test
    void aWritableRootAndNoLimitsAddNoOptions() {
        ServiceContainer plain = new ServiceContainer("users", "img", "Always", 185, 185, false, false, List.of(),
                Map.of(), List.of(new Env("SERVER_PORT", "8080", null)), null, null, 8080, null, null, null);

        List<String> command = PodmanRun.of(plain, HOST).command();

        assertEquals(List.of("--pull", "always"), command.subList(command.indexOf("--pull"), command.indexOf("--pull") + 2));
        for (String option : List.of("--read-only", "--security-opt", "--tmpfs", "--memory", "--cpus")) {
            assertFalse(command.contains(option), option);
        }
        assertFalse(command.stream().anyMatch(arg -> arg.startsWith("--cap-drop")));
    }

    @Test
    void aServiceWhosePortTheChartDoesNotSetCannotBeMoved() {
        ServiceContainer noPort = new ServiceContainer("users", "img", null, 185, 185, true, true, List.of(), Map.of(),
                List.of(new Env("SERVER_PORT", "9090", null)), null, null, 8080, null, null, null);

        assertThrows(IllegalStateException.class, () -> PodmanRun.of(noPort, HOST));
    }

    @Test
    void aMissingSecretFails() {
        ServiceContainer users = new ServiceContainer("users", "img", null, 185, 185, true, true, List.of(), Map.of(),
                List.of(new Env("SERVER_PORT", "8080", null), new Env("DB_PASSWORD", null, "users-password")),
                null, null, 8080, null, null, null);

        assertThrows(IllegalStateException.class, () -> PodmanRun.of(users, HOST));
    }

    @Test
    void onlyWholeHostNamesOfTheChartsServicesAreMadeLocal() {
        assertEquals("127.0.0.1:29092,127.0.0.1:25432", ADDRESSES.rewrite("arch-kafka:9092,arch-postgres:5432"));
        assertEquals("http://127.0.0.1:28082/x", ADDRESSES.rewrite("http://arch-billing/x"));
        assertEquals("http://my-arch-billing.example", ADDRESSES.rewrite("http://my-arch-billing.example"));
        assertEquals("arch-billing-old", ADDRESSES.rewrite("arch-billing-old"));
        assertThrows(IllegalStateException.class, () -> ADDRESSES.rewrite("arch-postgres:5433"));
        assertThrows(IllegalStateException.class, () -> new ClusterAddresses(Map.of("arch-users", List.of(80)), Map.of())
                .rewrite("http://arch-users"));
    }

    @Test
    void aProbeOnAnotherPortThanTheServicesIsRefused() {
        ServiceContainer users = new ServiceContainer("users", "img", null, 185, 185, true, true, List.of(), Map.of(),
                List.of(new Env("SERVER_PORT", "8080", null)), null, null, 8080, probe("/health/live"),
                new HttpProbe("/health/live", 9090, 5, 3), probe("/health/ready"));

        PodmanRun.requireServicePort(users, users.startup());
        assertThrows(IllegalStateException.class, () -> PodmanRun.requireServicePort(users, users.liveness()));
    }

    /** The real render: every service's command names no in-cluster host and no password. */
    @Test
    void theRenderedChartRunsLocally() {
        ServiceContainer.Render chart = ServiceContainer.render();
        Map<String, Integer> local = new LinkedHashMap<>();
        chart.servicePorts().keySet().forEach(name -> local.put(name, 20000 + local.size()));
        ClusterAddresses addresses = new ClusterAddresses(chart.servicePorts(), local);
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String service : List.of("users", "billing", "orders", "notifications")) {
            secrets.put(service + "-password", "pw-" + service);
        }
        for (String service : List.of("users", "billing", "orders", "notifications")) {
            PodmanRun run = PodmanRun.of(chart.service(service),
                    new PodmanRun.Host("c-" + service, 28000, addresses, secrets, 1024, 1024));
            String line = String.join(" ", run.command());

            assertFalse(line.contains(chart.namePrefix() + "postgres") || line.contains("http://" + chart.namePrefix()),
                    service + ": " + line);
            assertFalse(line.contains("pw-"), service + " shows a password: " + line);
            assertEquals(Map.of("DB_PASSWORD", "pw-" + service), run.environment());
            assertTrue(line.contains("--user 185:185 --read-only"), line);
            assertTrue(line.contains("--env SERVER_PORT=28000"), line);
        }
    }

    private static HttpProbe probe(String path) {
        return new HttpProbe(path, 8080, 5, 3);
    }
}
