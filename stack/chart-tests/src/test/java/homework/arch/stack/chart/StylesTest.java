package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --set style=...}: each style installs only what it uses, and every service runs in it. */
class StylesTest {

    private static final List<String> SERVICES = List.of("users", "billing", "orders", "notifications");
    private static final Map<String, Object> HTTP_ONLY = Map.of("style", "http-only", "metrics.prometheusRule.enabled", true,
            "metrics.serviceMonitor.enabled", true);

    @Test
    void everyServiceRunsInTheInstallationsStyleStyleTwoByDefault() {
        Rendered defaults = Chart.render();
        Rendered httpOnly = Chart.render(HTTP_ONLY);
        for (String service : SERVICES) {
            assertThat(service, env(defaults.container("arch-" + service), "STYLE"), is("http-broker"));
            assertThat(service, env(httpOnly.container("arch-" + service), "STYLE"), is("http-only"));
        }
    }

    @Test
    void styleOneInstallsNoKafkaNoRelayAndNoReplicationSlot() {
        Rendered rendered = Chart.render(HTTP_ONLY);
        List<String> names = rendered.objects().stream().map(o -> o.getMetadata().getName()).toList();
        assertThat(names.stream().filter(name -> name.contains("kafka") || name.contains("outbox-relay")).toList(), is(empty()));
        assertThat(rendered.podTemplates().get("arch-notifications").getSpec().getInitContainers(), is(empty()));
        assertThat(Rendered.envNames(rendered.container("arch-notifications")).toList(), not(hasItem("KAFKA_BOOTSTRAP_SERVERS")));
        String init = rendered.named(ConfigMap.class, "arch-postgres-init").getData().get("10-databases.sh");
        assertThat(init, not(containsString("pg_create_logical_replication_slot")));
        assertThat(Chart.render().named(ConfigMap.class, "arch-postgres-init").getData().get("10-databases.sh"),
                containsString("pg_create_logical_replication_slot"));
    }

    @Test
    void inStyleOneOrdersCallsNotificationsAndMayReachIt() {
        Rendered rendered = Chart.render(HTTP_ONLY);
        assertThat(env(rendered.container("arch-orders"), "NOTIFICATIONS_URL"), is("http://arch-notifications"));
        assertThat(Chart.render().named(NetworkPolicy.class, "arch-notifications").getSpec().getIngress().stream()
                .flatMap(rule -> rule.getFrom().stream()).filter(peer -> peer.getPodSelector() != null).toList(), is(empty()));
        assertThat(podPeers(rendered.named(NetworkPolicy.class, "arch-notifications")), is(List.of("orders")));
    }

    @Test
    void styleOnesAlertsLeaveOutTheRelayWhichItDoesNotHave() {
        Rendered rendered = Chart.render(HTTP_ONLY);
        GenericKubernetesResource rule = rendered.all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("PrometheusRule")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) ((Map<String, Object>) rule.getAdditionalProperties()
                .get("spec")).get("groups");
        assertThat(groups.stream().map(group -> group.get("name")).toList(), is(List.of("arch-notifications", "arch-services")));
        assertThat(rendered.all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals("ServiceMonitor"))
                .map(HasMetadata::getMetadata).map(m -> m.getName()).toList(),
                is(List.of("arch-users", "arch-billing", "arch-orders", "arch-notifications")));
    }

    @Test
    void styleThreeRunsARelayPerOutboxEachOnItsOwnDatabaseAndSlot() {
        Rendered rendered = Chart.render(Map.of("style", "event-collaboration", "metrics.serviceMonitor.enabled", true));
        Map<String, List<String>> relays = Map.of("arch-outbox-relay", List.of("orders", "debezium_outbox"),
                "arch-outbox-relay-users", List.of("users", "debezium_outbox_users"),
                "arch-outbox-relay-billing", List.of("billing", "debezium_outbox_billing"));
        relays.forEach((relay, source) -> {
            Container container = rendered.podTemplates().get(relay).getSpec().getContainers().getFirst();
            assertThat(relay, env(container, "RELAY_DB_NAME"), is(source.get(0)));
            assertThat(relay, env(container, "RELAY_SLOT_NAME"), is(source.get(1)));
        });
        String init = rendered.named(ConfigMap.class, "arch-postgres-init").getData().get("10-databases.sh");
        for (String database : List.of("users", "billing", "orders")) {
            assertThat(init, containsString("GRANT CONNECT ON DATABASE " + database + " TO relay;"));
            assertThat(init, containsString("--dbname " + database + " <<'SQL'"));
        }
        assertThat(rendered.all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals("ServiceMonitor"))
                .map(r -> r.getMetadata().getName()).toList(), is(List.of("arch-users", "arch-billing", "arch-orders",
                "arch-notifications", "arch-outbox-relay-users", "arch-outbox-relay-billing", "arch-outbox-relay")));
        for (String consumer : List.of("billing", "orders")) {
            assertThat(consumer, env(rendered.container("arch-" + consumer), "KAFKA_BOOTSTRAP_SERVERS"), is("arch-kafka:9092"));
        }
        assertThat(podPeers(rendered.named(NetworkPolicy.class, "arch-kafka")), is(List.of("billing", "kafka",
                "notifications", "orders", "outbox-relay", "outbox-relay-billing", "outbox-relay-users")));
    }

    @Test
    void inStyleThreeNoServiceMayReachAnotherForAnOrderOnlyNotificationsUsersForAnAddress() {
        Rendered rendered = Chart.render(Map.of("style", "event-collaboration"));
        assertThat(podPeers(rendered.named(NetworkPolicy.class, "arch-users")), is(List.of("notifications")));
        assertThat(podPeers(rendered.named(NetworkPolicy.class, "arch-billing")), is(empty()));
        assertThat(podPeers(rendered.named(NetworkPolicy.class, "arch-orders")), is(empty()));
        Rendered styleTwo = Chart.render();
        assertThat(podPeers(styleTwo.named(NetworkPolicy.class, "arch-users")), is(List.of("notifications", "orders")));
        assertThat(podPeers(styleTwo.named(NetworkPolicy.class, "arch-billing")), is(List.of("orders", "users")));
    }

    /** The components of the release whose pods the policy lets in, sorted. */
    private static List<String> podPeers(NetworkPolicy policy) {
        return policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                .filter(peer -> peer.getPodSelector() != null)
                .flatMap(peer -> peer.getPodSelector().getMatchExpressions().stream())
                .filter(r -> r.getKey().equals("app.kubernetes.io/component"))
                .flatMap(r -> r.getValues().stream()).sorted().toList();
    }

    @Test
    void aStyleTheChartDoesNotKnowIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Chart.render(Map.of("style", "grpc")));
        assertThat(refused.getMessage(), containsString("style"));
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElse(null);
    }
}
