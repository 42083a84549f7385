package homework.arch.stack.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.util.Map;

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

    private Chart() {
    }

    static LintResult lint() {
        return new Helm(RepoRoot.resolve("helm")).lint().strict().call();
    }

    private static Rendered defaults;
    private static Rendered overridden;

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

    /** A fresh render: generated passwords differ, and the stand-in cluster's state is read again. */
    static Rendered render(Map<String, Object> values) {
        TemplateCommand template = new Helm(RepoRoot.resolve("helm")).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE);
        values.forEach(template::set);
        return Rendered.parse(template.call());
    }
}
