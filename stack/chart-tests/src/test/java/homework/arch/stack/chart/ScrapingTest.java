package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prometheus finds every service's /metrics and the relay's exporter, by pod annotations or by
 * ServiceMonitors, and the NetworkPolicies let it in on those ports only.
 */
class ScrapingTest {

    /** The scraped workloads and the container port that serves their /metrics. */
    static final Map<String, String> SCRAPED = Map.of("users", "http", "billing", "http", "orders", "http",
            "notifications", "http", "outbox-relay", "metrics");

    @Test
    void everyScrapedPodIsAnnotatedWithItsMetricsPortAndPath() {
        Rendered rendered = Chart.render();
        SCRAPED.forEach((component, port) -> {
            PodTemplateSpec pod = rendered.podTemplates().get("arch-" + component);
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            assertThat(component, annotations.get("prometheus.io/scrape"), is("true"));
            assertThat(component, annotations.get("prometheus.io/path"), is("/metrics"));
            assertThat(component, annotations.get("prometheus.io/port"), is(String.valueOf(containerPort(rendered, component, port))));
        });
        for (String unscraped : List.of("postgres", "kafka")) {
            Map<String, String> annotations = rendered.podTemplates().get("arch-" + unscraped).getMetadata().getAnnotations();
            assertThat(unscraped, annotations == null ? Map.of() : annotations, not(hasKey("prometheus.io/scrape")));
        }
        assertThat("no ServiceMonitor by default", monitors(rendered), is(empty()));
    }

    @Test
    void withoutAnnotationsNoPodIsAnnotatedAndNoScraperIsLetIn() {
        Rendered rendered = Chart.render(Map.of("metrics.prometheusAnnotations", false));
        rendered.podTemplates().forEach((workload, pod) -> {
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            assertThat(workload, annotations == null ? Map.of() : annotations, not(hasKey("prometheus.io/scrape")));
        });
        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            assertThat(policy.getMetadata().getName(), scraperPorts(policy, "monitoring"), is(empty()));
        }
    }

    @Test
    void serviceMonitorsSelectEachScrapedServiceByItsMetricsPort() {
        Rendered rendered = Chart.render(Map.of("metrics.serviceMonitor.enabled", true,
                "metrics.serviceMonitor.labels.release", "kube-prometheus-stack"));
        List<GenericKubernetesResource> monitors = monitors(rendered);
        assertThat(monitors.size(), is(SCRAPED.size()));
        SCRAPED.forEach((component, port) -> {
            GenericKubernetesResource monitor = monitors.stream()
                    .filter(m -> m.getMetadata().getName().equals("arch-" + component)).findFirst().orElseThrow();
            assertThat(monitor.getMetadata().getLabels().get("release"), is("kube-prometheus-stack"));
            Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
            List<Service> selected = rendered.all(Service.class).stream()
                    .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
            assertThat(component + " selects one Service", selected.size(), is(1));
            List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
            assertThat(endpoints.size(), is(1));
            assertThat(endpoints.getFirst().get("path"), is("/metrics"));
            ServicePort servicePort = selected.getFirst().getSpec().getPorts().stream()
                    .filter(p -> p.getName().equals(endpoints.getFirst().get("port"))).findFirst()
                    .orElseThrow(() -> new AssertionError(component + ": the Service has no port " + endpoints.getFirst().get("port")));
            assertThat(component, servicePort.getTargetPort().getStrVal(), is(port));
            List<String> podTargetLabels = monitor.get("spec", "podTargetLabels");
            assertThat("the label the alerts and the dashboard group by", podTargetLabels,
                    hasItem("app.kubernetes.io/component"));
        });
    }

    @Test
    void theScrapersNamespaceReachesTheMetricsPortsAndNothingElse() {
        Rendered rendered = Chart.render(Map.of("metrics.scraper.namespace", "observability",
                "metrics.scraper.podLabels.app\\.kubernetes\\.io/name", "prometheus"));
        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            String component = policy.getMetadata().getName().substring(Chart.RELEASE.length() + 1);
            List<String> expected = SCRAPED.containsKey(component) ? List.of(SCRAPED.get(component)) : List.of();
            assertThat(component, scraperPorts(policy, "observability"), is(expected));
        }
        NetworkPolicy relay = rendered.named(NetworkPolicy.class, "arch-outbox-relay");
        NetworkPolicyIngressRule rule = relay.getSpec().getIngress().getFirst();
        assertThat("only Prometheus' pods of that namespace",
                rule.getFrom().getFirst().getPodSelector().getMatchLabels(), is(Map.of("app.kubernetes.io/name", "prometheus")));
    }

    /** The ports that pods of {@code namespace} may reach through {@code policy}. */
    private static List<String> scraperPorts(NetworkPolicy policy, String namespace) {
        return policy.getSpec().getIngress().stream()
                .filter(rule -> rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                        && namespace.equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))))
                .flatMap(rule -> rule.getPorts().stream()).map(p -> p.getPort().getStrVal()).toList();
    }

    private static int containerPort(Rendered rendered, String component, String name) {
        Container container = rendered.container("arch-" + component);
        return container.getPorts().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(component + " has no port " + name)).getContainerPort();
    }

    static List<GenericKubernetesResource> monitors(Rendered rendered) {
        return rendered.all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("ServiceMonitor") && r.getApiVersion().equals("monitoring.coreos.com/v1"))
                .toList();
    }
}
