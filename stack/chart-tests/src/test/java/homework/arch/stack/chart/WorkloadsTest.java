package homework.arch.stack.chart;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadsTest {

    static final List<String> SERVICES = List.of("users", "billing", "orders", "notifications");

    static Stream<Arguments> renders() {
        return Stream.of(Arguments.of("default values", Chart.render()),
                Arguments.of("overridden values", Chart.renderOverridden()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyWorkloadIsThere(String values, Rendered rendered) {
        Set<String> expected = Set.of("arch-users", "arch-billing", "arch-orders", "arch-notifications",
                "arch-outbox-relay", "arch-postgres", "arch-kafka");
        assertEquals(expected, rendered.podTemplates().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyContainerIsLimitedAndLockedDown(String values, Rendered rendered) {
        List<Executable> checks = new ArrayList<>();
        rendered.podTemplates().forEach((workload, pod) -> {
            PodSecurityContext podSecurity = pod.getSpec().getSecurityContext();
            checks.add(() -> assertEquals(false, pod.getSpec().getAutomountServiceAccountToken(), workload));
            for (Container c : Rendered.allContainers(pod)) {
                String where = workload + "/" + c.getName();
                SecurityContext sc = c.getSecurityContext();
                checks.add(() -> assertNotNull(sc, where + " securityContext"));
                checks.add(() -> assertTrue(Boolean.TRUE.equals(sc.getRunAsNonRoot())
                        || Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()), where + " runAsNonRoot"));
                checks.add(() -> assertTrue(uid(sc, podSecurity) > 0, where + " uid"));
                checks.add(() -> assertEquals(true, sc.getReadOnlyRootFilesystem(), where + " readOnlyRootFilesystem"));
                checks.add(() -> assertEquals(false, sc.getAllowPrivilegeEscalation(), where + " allowPrivilegeEscalation"));
                checks.add(() -> assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), where + " capabilities"));
                for (String kind : List.of("cpu", "memory")) {
                    checks.add(() -> assertNotNull(c.getResources().getRequests().get(kind), where + " request " + kind));
                    checks.add(() -> assertNotNull(c.getResources().getLimits().get(kind), where + " limit " + kind));
                }
            }
        });
        assertAll(checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyMainContainerHasLivenessAndReadinessProbes(String values, Rendered rendered) {
        List<Executable> checks = new ArrayList<>();
        rendered.podTemplates().forEach((workload, pod) -> pod.getSpec().getContainers().forEach(c -> {
            checks.add(() -> assertNotNull(c.getLivenessProbe(), workload + " liveness"));
            checks.add(() -> assertNotNull(c.getReadinessProbe(), workload + " readiness"));
        }));
        assertAll(checks);
        for (String service : SERVICES) {
            Container c = rendered.container("arch-" + service);
            assertEquals("/health/live", c.getLivenessProbe().getHttpGet().getPath());
            assertEquals("/health/ready", c.getReadinessProbe().getHttpGet().getPath());
            assertEquals(8080, c.getPorts().getFirst().getContainerPort());
        }
        Container relay = rendered.container("arch-outbox-relay");
        assertEquals("/q/health/live", relay.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", relay.getReadinessProbe().getHttpGet().getPath());
    }

    @Test
    void serviceImagesFollowTheProjectVersionUnlessATagIsGiven() {
        Rendered defaults = Chart.render();
        Rendered overridden = Chart.renderOverridden();
        for (String service : SERVICES) {
            assertEquals("localhost:5000/arch-" + service + ":1.0.0-SNAPSHOT",
                    defaults.container("arch-" + service).getImage());
            assertEquals("registry.example.com/team/arch-" + service + ":2.3.4",
                    overridden.container("arch-" + service).getImage());
        }
        assertEquals(3, overridden.named(Deployment.class, "arch-orders").getSpec().getReplicas());
    }

    @Test
    void theRelayIsOneDebeziumServerReplacedNotRolled() {
        Deployment relay = Chart.render().named(Deployment.class, "arch-outbox-relay");
        assertEquals(1, relay.getSpec().getReplicas());
        assertEquals("Recreate", relay.getSpec().getStrategy().getType());
        assertTrue(relay.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()
                .startsWith("quay.io/debezium/server:"));
    }

    @Test
    void infrastructureUsesTheOfficialImagesWithLogicalReplication() {
        Rendered rendered = Chart.render();
        Container postgres = rendered.container("arch-postgres");
        assertTrue(postgres.getImage().startsWith("postgres:"), postgres.getImage());
        assertTrue(String.join(" ", postgres.getArgs()).contains("wal_level=logical"), postgres.getArgs()::toString);
        assertTrue(rendered.container("arch-kafka").getImage().startsWith("apache/kafka:4."));
    }

    @Test
    void javaGetsAWritableTmpForTheObjectStore() {
        Rendered rendered = Chart.render();
        for (String service : SERVICES) {
            Container c = rendered.container("arch-" + service);
            assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")), service);
            String options = c.getEnv().stream().filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
                    .findFirst().orElseThrow().getValue();
            assertTrue(options.contains("-DObjectStoreEnvironmentBean.objectStoreDir=/tmp/"), options);
        }
        PodTemplateSpec users = rendered.podTemplates().get("arch-users");
        assertFalse(users.getSpec().getVolumes().stream().filter(v -> v.getName().equals("tmp"))
                .findFirst().orElseThrow().getEmptyDir() == null);
    }

    private static long uid(SecurityContext container, PodSecurityContext pod) {
        Long uid = container.getRunAsUser() != null ? container.getRunAsUser() : pod.getRunAsUser();
        return uid == null ? -1 : uid;
    }

}
