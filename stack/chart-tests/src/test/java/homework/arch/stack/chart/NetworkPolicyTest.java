package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Only the components that need the database, the broker or another service's port may reach it. */
class NetworkPolicyTest {

    private static final String INGRESS_CONTROLLER = "ingress-nginx";
    /** Prometheus' namespace (metrics.scraper.namespace): the services' port and the relay's metrics port. */
    private static final String SCRAPER = "monitoring";

    @Test
    void everyPodIsIsolatedByExactlyOnePolicy() {
        Rendered rendered = Chart.render();
        rendered.podTemplates().forEach((workload, pod) -> assertThat(workload,
                rendered.all(NetworkPolicy.class).stream().filter(p -> selects(p, pod)).count(), is(1L)));
    }

    @Test
    void whoMayConnectToWhom() {
        Rendered rendered = Chart.render();
        Map<String, Set<String>> expected = Map.of(
                "users", Set.of(INGRESS_CONTROLLER, SCRAPER, "orders", "notifications"),
                "billing", Set.of(INGRESS_CONTROLLER, SCRAPER, "users", "orders"),
                "orders", Set.of(INGRESS_CONTROLLER, SCRAPER),
                "notifications", Set.of(INGRESS_CONTROLLER, SCRAPER),
                "postgres", Set.of("users", "billing", "orders", "notifications", "outbox-relay"),
                "kafka", Set.of("kafka", "notifications", "outbox-relay"),
                "outbox-relay", Set.of(SCRAPER));
        expected.forEach((component, allowed) -> {
            PodTemplateSpec pod = rendered.podTemplates().get("arch-" + component);
            NetworkPolicy policy = rendered.all(NetworkPolicy.class).stream().filter(p -> selects(p, pod))
                    .findFirst().orElseThrow();
            assertThat(policy.getSpec().getPolicyTypes(), contains("Ingress"));
            assertThat(component, peers(policy), is(new TreeSet<>(allowed)));
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                rule.getPorts().forEach(port -> assertThat(component, pod.getSpec().getContainers().getFirst().getPorts()
                        .stream().map(p -> p.getName()).toList(), hasItem(port.getPort().getStrVal())));
            }
        });
    }

    @Test
    void withTheGatewayItsProxiesNotTheIngressControllerReachThePublicPorts() {
        Rendered rendered = Chart.renderGateway();
        for (String component : List.of("users", "billing", "orders", "notifications")) {
            PodTemplateSpec pod = rendered.podTemplates().get("arch-" + component);
            NetworkPolicy policy = rendered.all(NetworkPolicy.class).stream().filter(p -> selects(p, pod))
                    .findFirst().orElseThrow();
            Set<String> peers = peers(policy);
            assertThat(component + ": " + peers, peers, hasItem((String) Chart.GATEWAY.get("gateway.proxyNamespace")));
            assertThat(component + ": " + peers, peers, not(hasItem(INGRESS_CONTROLLER)));
        }
    }

    private static TreeSet<String> peers(NetworkPolicy policy) {
        TreeSet<String> peers = new TreeSet<>();
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                if (peer.getNamespaceSelector() != null) {
                    peers.add(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
                } else {
                    for (LabelSelectorRequirement r : peer.getPodSelector().getMatchExpressions()) {
                        if (r.getKey().equals("app.kubernetes.io/component")) {
                            peers.addAll(r.getValues());
                        } else {
                            assertThat("only this release's pods", r.getValues(), contains(Chart.RELEASE));
                        }
                    }
                }
            }
        }
        return peers;
    }

    private static boolean selects(NetworkPolicy policy, PodTemplateSpec pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return policy.getSpec().getPodSelector().getMatchLabels().entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
