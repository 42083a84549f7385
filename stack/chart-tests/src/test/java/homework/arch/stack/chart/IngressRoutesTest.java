package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import homework.arch.stack.fixtures.OpenApiContract;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** The Ingresses route exactly helm/files/routes.yaml, the table the local stack's proxy reads. */
class IngressRoutesTest {

    /** One public route as routes.yaml states it; upstream null = path passed unchanged. */
    record Route(String prefix, String service, String upstream) {
    }

    private static final String REGEX_TAIL = "(/.*)?$";

    @ParameterizedTest(name = "overridden values: {0}")
    @ValueSource(booleans = {false, true})
    void ingressesRouteExactlyTheRouteTable(boolean overridden) throws IOException {
        Rendered rendered = overridden ? Chart.renderOverridden() : Chart.render();
        String host = overridden ? "shop.example.com" : "arch.homework";
        List<Route> routed = new ArrayList<>();
        for (Ingress ingress : rendered.all(Ingress.class)) {
            assertThat(ingress.getSpec().getIngressClassName(), is("nginx"));
            String rewrite = ingress.getMetadata().getAnnotations() == null ? null
                    : ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/rewrite-target");
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertThat(rule.getHost(), is(host));
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    routed.add(route(path, rewrite, rendered));
                }
            }
        }
        assertThat(new HashSet<>(routed), is(Set.copyOf(routeTable())));
        assertThat("a route twice: " + routed, routed, hasSize(routeTable().size()));
    }

    @ParameterizedTest(name = "overridden values: {0}")
    @ValueSource(booleans = {false, true})
    void nothingUnderInternalOrMetricsIsRouted(boolean overridden) {
        Rendered rendered = overridden ? Chart.renderOverridden() : Chart.render();
        rendered.all(Ingress.class).stream()
                .flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(r -> r.getHttp().getPaths().stream())
                .forEach(p -> {
                    assertThat(p.getPath(), not(startsWith("/internal")));
                    assertThat("everything routed", p.getPath(), is(not("/")));
                    for (String internal : OpenApiContract.internalPaths()) {
                        assertThat(p.getPath() + " routes " + internal,
                                Pattern.compile("^" + p.getPath()).matcher(internal).find(), is(false));
                    }
                    assertThat(p.getPath(), Pattern.compile("^" + p.getPath()).matcher("/metrics").find(), is(false));
                });
    }

    /** The UI at /openapi/<service>/ui asks for its document at "..": /openapi/<service>/ must reach /openapi/. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"users", "billing", "orders", "notifications"})
    void theUiBehindTheIngressFindsItsOwnServicesDocument(String service) {
        String document = URI.create("http://arch.homework/openapi/" + service + "/ui/index.html").resolve("..").getPath();
        List<String> reached = new ArrayList<>();
        for (Ingress ingress : Chart.render().all(Ingress.class)) {
            String rewrite = ingress.getMetadata().getAnnotations() == null ? null
                    : ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/rewrite-target");
            for (HTTPIngressPath path : ingress.getSpec().getRules().get(0).getHttp().getPaths()) {
                Matcher match = Pattern.compile("^" + path.getPath()).matcher(document);
                if (rewrite != null && match.matches()) {
                    reached.add(path.getBackend().getService().getName() + ":"
                            + rewrite.replace("$1", match.group(1) == null ? "" : match.group(1)));
                }
            }
        }
        assertThat(reached, contains(Chart.RELEASE + "-" + service + ":/openapi/"));
    }

    private static Route route(HTTPIngressPath path, String rewrite, Rendered rendered) {
        String service = path.getBackend().getService().getName();
        Service target = rendered.named(Service.class, service);
        String port = path.getBackend().getService().getPort().getName();
        assertThat(service + ":" + port, target.getSpec().getPorts().stream().map(p -> p.getName()).toList(), hasItem(port));
        String component = service.substring(Chart.RELEASE.length() + 1);
        if (rewrite == null) {
            assertThat(path.getPath(), path.getPathType(), is("Prefix"));
            return new Route(path.getPath(), component, null);
        }
        assertThat(path.getPath(), path.getPathType(), is("ImplementationSpecific"));
        assertThat(path.getPath(), endsWith(REGEX_TAIL));
        assertThat(rewrite, endsWith("$1"));
        String prefix = path.getPath().substring(0, path.getPath().length() - REGEX_TAIL.length());
        return new Route(prefix.replace("\\", ""), component, rewrite.substring(0, rewrite.length() - 2));
    }

    @SuppressWarnings("unchecked")
    static List<Route> routeTable() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RepoRoot.resolve("helm/files/routes.yaml")));
        return ((List<Map<String, String>>) file.get("routes")).stream()
                .map(r -> new Route(r.get("prefix"), r.get("service"), r.get("upstream")))
                .toList();
    }
}
