package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import homework.arch.stack.fixtures.Postgres;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
        assertThat(rendered.podTemplates().keySet(), is(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyContainerIsLimitedAndLockedDown(String values, Rendered rendered) {
        rendered.podTemplates().forEach((workload, pod) -> {
            PodSecurityContext podSecurity = pod.getSpec().getSecurityContext();
            assertThat(workload, pod.getSpec().getAutomountServiceAccountToken(), is(false));
            for (Container c : Rendered.allContainers(pod)) {
                String where = workload + "/" + c.getName();
                SecurityContext sc = c.getSecurityContext();
                assertThat(where + " securityContext", sc, notNullValue());
                assertThat(where + " runAsNonRoot", Boolean.TRUE.equals(sc.getRunAsNonRoot())
                        || Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()), is(true));
                assertThat(where + " uid", uid(sc, podSecurity), greaterThan(0L));
                assertThat(where + " readOnlyRootFilesystem", sc.getReadOnlyRootFilesystem(), is(true));
                assertThat(where + " allowPrivilegeEscalation", sc.getAllowPrivilegeEscalation(), is(false));
                assertThat(where + " capabilities", sc.getCapabilities().getDrop(), contains("ALL"));
                for (String kind : List.of("cpu", "memory")) {
                    assertThat(where + " request " + kind, c.getResources().getRequests().get(kind), notNullValue());
                    assertThat(where + " limit " + kind, c.getResources().getLimits().get(kind), notNullValue());
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyMainContainerHasLivenessAndReadinessProbes(String values, Rendered rendered) {
        rendered.podTemplates().forEach((workload, pod) -> pod.getSpec().getContainers().forEach(c -> {
            assertThat(workload + " liveness", c.getLivenessProbe(), notNullValue());
            assertThat(workload + " readiness", c.getReadinessProbe(), notNullValue());
        }));
        for (String service : SERVICES) {
            Container c = rendered.container("arch-" + service);
            assertThat(c.getLivenessProbe().getHttpGet().getPath(), is("/health/live"));
            assertThat(c.getReadinessProbe().getHttpGet().getPath(), is("/health/ready"));
            assertThat(c.getPorts().getFirst().getContainerPort(), is(8080));
        }
        Container relay = rendered.container("arch-outbox-relay");
        assertThat(relay.getLivenessProbe().getHttpGet().getPath(), is("/q/health/live"));
        assertThat(relay.getReadinessProbe().getHttpGet().getPath(), is("/q/health/ready"));
    }

    @Test
    void serviceImagesFollowTheProjectVersionUnlessATagIsGiven() {
        Rendered defaults = Chart.render();
        Rendered overridden = Chart.renderOverridden();
        for (String service : SERVICES) {
            assertThat(defaults.container("arch-" + service).getImage(),
                    is("localhost:5000/arch-" + service + ":1.0.0-SNAPSHOT"));
            assertThat(overridden.container("arch-" + service).getImage(),
                    is("registry.example.com/team/arch-" + service + ":2.3.4"));
        }
        assertThat(overridden.named(Deployment.class, "arch-orders").getSpec().getReplicas(), is(3));
    }

    @Test
    void theRelayIsOneDebeziumServerReplacedNotRolled() {
        Deployment relay = Chart.render().named(Deployment.class, "arch-outbox-relay");
        assertThat(relay.getSpec().getReplicas(), is(1));
        assertThat(relay.getSpec().getStrategy().getType(), is("Recreate"));
        assertThat(relay.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage(),
                startsWith("quay.io/debezium/server:"));
    }

    @Test
    void infrastructureUsesTheOfficialImagesWithLogicalReplication() {
        Rendered rendered = Chart.render();
        Container postgres = rendered.container("arch-postgres");
        assertThat(postgres.getImage(), startsWith("postgres:"));
        assertThat(postgres.getArgs().toString(), String.join(" ", postgres.getArgs()), containsString("wal_level=logical"));
        assertThat(rendered.container("arch-kafka").getImage(), startsWith("apache/kafka:4."));
    }

    @Test
    void theRelaysSlotMayHoldBackWhatTheLocalStacksMayAndAValueChangesIt() {
        Container postgres = Chart.render().container("arch-postgres");
        assertThat(postgres.getArgs(), hasItem("max_slot_wal_keep_size=" + Postgres.MAX_SLOT_WAL_KEEP_SIZE));
        Container smaller = Chart.render(Map.of("postgres.maxSlotWalKeepSize", "256MB")).container("arch-postgres");
        assertThat(smaller.getArgs(), hasItem("max_slot_wal_keep_size=256MB"));
    }

    @Test
    void javaGetsAWritableTmpForTheObjectStore() {
        Rendered rendered = Chart.render();
        for (String service : SERVICES) {
            Container c = rendered.container("arch-" + service);
            assertThat(service, c.getVolumeMounts().stream().map(m -> m.getMountPath()).toList(), hasItem("/tmp"));
            String options = c.getEnv().stream().filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
                    .findFirst().orElseThrow().getValue();
            assertThat(options, containsString("-DObjectStoreEnvironmentBean.objectStoreDir=/tmp/"));
        }
        PodTemplateSpec users = rendered.podTemplates().get("arch-users");
        assertThat(users.getSpec().getVolumes().stream().filter(v -> v.getName().equals("tmp"))
                .findFirst().orElseThrow().getEmptyDir(), notNullValue());
    }

    private static long uid(SecurityContext container, PodSecurityContext pod) {
        Long uid = container.getRunAsUser() != null ? container.getRunAsUser() : pod.getRunAsUser();
        return uid == null ? -1 : uid;
    }

}
