package homework.arch.stack.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Real Helm (helm-java) on {@code helm/}, as {@code helm install arch ./helm -n arch} would render it. */
final class Chart {

    static final String RELEASE = "arch";
    static final String NAMESPACE = "arch";

    /** One per test JVM: KUBECONFIG names one file, read by Helm's Go side on every render. */
    static final StandInKubernetesApi CLUSTER = StandInKubernetesApi.start();

    /** Overrides that touch every value the templates branch on or print. */
    static final Map<String, Object> OVERRIDES = Map.of(
            "image.registry", "registry.example.com/team",
            "image.tag", "2.3.4",
            "ingress.host", "shop.example.com",
            "services.orders.replicas", 3,
            "kafka.orderEventsPartitions", 6,
            "postgres.storageClassName", "fast",
            "javaOptions", "-Xss512k");

    /** The HTTPRoute instead of the Ingress, attached to an Envoy Gateway quickstart's Gateway. */
    static final Map<String, Object> GATEWAY = Map.of(
            "gateway.enabled", true,
            "gateway.parentRefs[0].name", "eg",
            "gateway.parentRefs[0].namespace", "default",
            "gateway.proxyNamespace", "envoy-gateway-system");

    private Chart() {
    }

    static LintResult lint() {
        return lint(RepoRoot.resolve("helm"));
    }

    static LintResult lint(Path chart) {
        return new Helm(chart).lint().strict().call();
    }

    /** A copy of {@code helm/} in {@code target}, to lint or render with a changed file (links copied as files). */
    static Path copy(Path target) throws IOException {
        Path source = RepoRoot.resolve("helm");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static Rendered defaults;
    private static Rendered overridden;
    private static Rendered gateway;
    private static Rendered gatewayOverridden;

    /** The default render, made once: the objects are only read. */
    static synchronized Rendered render() {
        if (defaults == null) {
            defaults = render(Map.of());
        }
        return defaults;
    }

    /** The render with {@link #OVERRIDES}, made once. */
    static synchronized Rendered renderOverridden() {
        if (overridden == null) {
            overridden = render(OVERRIDES);
        }
        return overridden;
    }

    /** The render with {@link #GATEWAY}, made once. */
    static synchronized Rendered renderGateway() {
        if (gateway == null) {
            gateway = render(GATEWAY);
        }
        return gateway;
    }

    /** The render with {@link #OVERRIDES} and {@link #GATEWAY} on the Gateway's listener "http", made once. */
    static synchronized Rendered renderGatewayOverridden() {
        if (gatewayOverridden == null) {
            Map<String, Object> values = new HashMap<>(OVERRIDES);
            values.putAll(GATEWAY);
            values.put("gateway.parentRefs[0].sectionName", "http");
            gatewayOverridden = render(values);
        }
        return gatewayOverridden;
    }

    /** A fresh render: generated passwords differ, and the stand-in cluster's state is read again. */
    static Rendered render(Map<String, Object> values) {
        return render(RepoRoot.resolve("helm"), values);
    }

    static Rendered render(Path chart, Map<String, Object> values) {
        TemplateCommand template = new Helm(chart).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE);
        values.forEach(template::set);
        return Rendered.parse(template.call());
    }
}
