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
        NetworkPolicy notifications = rendered.named(NetworkPolicy.class, "arch-notifications");
        assertThat(notifications.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                .filter(peer -> peer.getPodSelector() != null)
                .flatMap(peer -> peer.getPodSelector().getMatchExpressions().stream())
                .filter(r -> r.getKey().equals("app.kubernetes.io/component"))
                .flatMap(r -> r.getValues().stream()).toList(), is(List.of("orders")));
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
