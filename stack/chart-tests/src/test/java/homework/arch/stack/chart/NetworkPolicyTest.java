package homework.arch.stack.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void everyPodIsIsolatedByExactlyOnePolicy() {
        Rendered rendered = Chart.render();
        rendered.podTemplates().forEach((workload, pod) -> assertEquals(1,
                rendered.all(NetworkPolicy.class).stream().filter(p -> selects(p, pod)).count(), workload));
    }

    @Test
    void whoMayConnectToWhom() {
        Rendered rendered = Chart.render();
        Map<String, Set<String>> expected = Map.of(
                "users", Set.of(INGRESS_CONTROLLER, "orders", "notifications"),
                "billing", Set.of(INGRESS_CONTROLLER, "users", "orders"),
                "orders", Set.of(INGRESS_CONTROLLER),
                "notifications", Set.of(INGRESS_CONTROLLER),
                "postgres", Set.of("users", "billing", "orders", "notifications", "outbox-relay"),
                "kafka", Set.of("kafka", "notifications", "outbox-relay"),
                "outbox-relay", Set.of());
        expected.forEach((component, allowed) -> {
            PodTemplateSpec pod = rendered.podTemplates().get("arch-" + component);
            NetworkPolicy policy = rendered.all(NetworkPolicy.class).stream().filter(p -> selects(p, pod))
                    .findFirst().orElseThrow();
            assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
            assertEquals(new TreeSet<>(allowed), peers(policy), component);
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                rule.getPorts().forEach(port -> assertTrue(pod.getSpec().getContainers().getFirst().getPorts()
                        .stream().anyMatch(p -> p.getName().equals(port.getPort().getStrVal())), component));
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
            assertTrue(peers.contains(Chart.GATEWAY.get("gateway.proxyNamespace")), component + ": " + peers);
            assertFalse(peers.contains(INGRESS_CONTROLLER), component + ": " + peers);
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
                            assertEquals(List.of(Chart.RELEASE), r.getValues(), "only this release's pods");
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
