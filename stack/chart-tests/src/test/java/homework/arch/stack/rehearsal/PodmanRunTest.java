package homework.arch.stack.rehearsal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

        assertThat(run.command(), contains("podman", "--runtime", "runc", "--cgroup-manager", "cgroupfs",
                "run", "--rm", "--name", "arch-rehearsal-1-orders", "--pull", "missing", "--network", "host",
                "--ulimit", "nofile=20000:20000", "--ulimit", "nproc=32768:32768", "--user", "185:186",
                "--read-only", "--read-only-tmpfs=false", "--cap-drop=ALL", "--security-opt", "no-new-privileges",
                "--tmpfs", "/tmp:rw,mode=1777,size=268435456", "--memory", "536870912", "--cpus", "1",
                "--env", "SERVER_HOST=127.0.0.1", "--env", "SERVER_PORT=28083",
                "--env", "DB_URL=jdbc:postgresql://127.0.0.1:25432/orders", "--env", "DB_PASSWORD",
                "--env", "BILLING_URL=http://127.0.0.1:28082", "--env", "JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75",
                "localhost:5000/arch-orders:1.0"));
        assertThat(run.environment(), is(Map.of("DB_PASSWORD", "s3cret")));
    }

    @Test
    void aWritableRootAndNoLimitsAddNoOptions() {
        ServiceContainer plain = new ServiceContainer("users", "img", "Always", 185, 185, false, false, List.of(),
                Map.of(), List.of(new Env("SERVER_PORT", "8080", null)), null, null, 8080, null, null, null);

        List<String> command = PodmanRun.of(plain, HOST).command();

        assertThat(command.subList(command.indexOf("--pull"), command.indexOf("--pull") + 2), contains("--pull", "always"));
        for (String option : List.of("--read-only", "--security-opt", "--tmpfs", "--memory", "--cpus")) {
            assertThat(command, not(hasItem(option)));
        }
        assertThat(command, not(hasItem(startsWith("--cap-drop"))));
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
        assertThat(ADDRESSES.rewrite("arch-kafka:9092,arch-postgres:5432"), is("127.0.0.1:29092,127.0.0.1:25432"));
        assertThat(ADDRESSES.rewrite("http://arch-billing/x"), is("http://127.0.0.1:28082/x"));
        assertThat(ADDRESSES.rewrite("http://my-arch-billing.example"), is("http://my-arch-billing.example"));
        assertThat(ADDRESSES.rewrite("arch-billing-old"), is("arch-billing-old"));
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

            assertThat(service + ": " + line, line, not(containsString(chart.namePrefix() + "postgres")));
            assertThat(service + ": " + line, line, not(containsString("http://" + chart.namePrefix())));
            assertThat(service + " shows a password: " + line, line, not(containsString("pw-")));
            assertThat(run.environment(), is(Map.of("DB_PASSWORD", "pw-" + service)));
            assertThat(line, containsString("--user 185:185 --read-only"));
            assertThat(line, containsString("--env SERVER_PORT=28000"));
        }
    }

    private static HttpProbe probe(String path) {
        return new HttpProbe(path, 8080, 5, 3);
    }
}
