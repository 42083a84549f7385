package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.marcnuri.helm.LintResult;
import homework.arch.stack.fixtures.OpenApiContract;
import homework.arch.stack.ingress.Route;
import homework.arch.stack.ingress.RouteTable;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathModifier;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * With gateway.enabled the chart routes helm/files/routes.yaml through Gateway API HTTPRoutes
 * instead of the Ingress: the same prefixes to the same services, the same rewrites, nothing else.
 */
class GatewayRoutesTest {

    /** Gateway API limit: rules per HTTPRoute. */
    private static final int MAX_RULES = 16;

    @ParameterizedTest(name = "overridden values: {0}")
    @ValueSource(booleans = {false, true})
    void httpRoutesRouteExactlyTheRouteTable(boolean overridden) throws IOException {
        Rendered rendered = overridden ? Chart.renderGatewayOverridden() : Chart.renderGateway();
        String host = overridden ? "shop.example.com" : "arch.homework";
        Map<String, String> gateway = overridden
                ? Map.of("name", "eg", "namespace", "default", "sectionName", "http")
                : Map.of("name", "eg", "namespace", "default");
        List<HTTPRoute> httpRoutes = rendered.all(HTTPRoute.class);
        assertThat("no HTTPRoute", httpRoutes, not(empty()));
        for (HTTPRoute httpRoute : httpRoutes) {
            assertThat(httpRoute.getApiVersion(), is("gateway.networking.k8s.io/v1"));
            assertThat(httpRoute.getSpec().getHostnames(), contains(host));
            assertThat(httpRoute.getSpec().getParentRefs().stream().map(GatewayRoutesTest::parentRef).toList(),
                    contains(gateway));
        }
        List<Route> routed = routes(rendered);
        assertThat(new HashSet<>(routed), is(Set.copyOf(routeTable())));
        assertThat("a route twice: " + routed, routed, hasSize(routeTable().size()));
    }

    @ParameterizedTest(name = "gateway enabled: {0}")
    @ValueSource(booleans = {false, true})
    void exactlyOneOfIngressAndHttpRouteIsRendered(boolean gateway) {
        Rendered rendered = gateway ? Chart.renderGateway() : Chart.render();
        assertThat("Ingresses", rendered.all(Ingress.class).isEmpty(), is(gateway));
        assertThat("HTTPRoutes", !rendered.all(HTTPRoute.class).isEmpty(), is(gateway));
    }

    @Test
    void nothingUnderInternalOrMetricsIsRouted() {
        for (HTTPRoute httpRoute : Chart.renderGateway().all(HTTPRoute.class)) {
            for (HTTPRouteRule rule : httpRoute.getSpec().getRules()) {
                assertThat("a rule without matches routes all", rule.getMatches(), notNullValue());
                assertThat("a rule without matches routes all", rule.getMatches(), not(empty()));
                for (HTTPRouteMatch match : rule.getMatches()) {
                    String prefix = match.getPath().getValue();
                    String under = prefix.endsWith("/") ? prefix : prefix + "/";
                    for (String internal : OpenApiContract.internalPaths()) {
                        assertThat(prefix, is(not(internal)));
                        assertThat(prefix, internal, not(startsWith(under)));
                    }
                    assertThat(prefix, is(not("/metrics")));
                    assertThat(prefix, "/metrics", not(startsWith(under)));
                }
            }
        }
    }

    @Test
    void aTableOfMoreThanSixteenRoutesIsSplitIntoSeveralHttpRoutes(@TempDir Path dir) throws IOException {
        Path chart = Chart.copy(dir);
        List<Route> table = IntStream.rangeClosed(1, 2 * MAX_RULES + 1)
                .mapToObj(i -> new Route("/r" + i, i % 2 == 0 ? "users" : "billing", i % 3 == 0 ? "/openapi" : null))
                .toList();
        String yaml = table.stream()
                .map(r -> "  - {prefix: " + r.prefix() + ", service: " + r.service()
                        + (r.upstream() == null ? "" : ", upstream: " + r.upstream()) + "}")
                .collect(Collectors.joining("\n", "routes:\n", "\n"));
        Files.writeString(chart.resolve("files/routes.yaml"), yaml);

        Rendered rendered = Chart.render(chart, Chart.GATEWAY);

        assertThat(rendered.all(HTTPRoute.class).stream().map(r -> r.getMetadata().getName()).toList(),
                contains("arch", "arch-2", "arch-3"));
        assertThat(new HashSet<>(routes(rendered)), is(Set.copyOf(table)));
        assertThat(routes(rendered), hasSize(table.size()));
    }

    @Test
    void theSchemaRequiresAGatewayAndItsProxyNamespace() {
        IllegalStateException noParent = assertThrows(IllegalStateException.class, () -> Chart.render(Map.of(
                "gateway.enabled", true, "gateway.proxyNamespace", "envoy-gateway-system")));
        assertThat(noParent.getMessage(), containsString("parentRefs"));
        IllegalStateException noProxy = assertThrows(IllegalStateException.class, () -> Chart.render(Map.of(
                "gateway.enabled", true, "gateway.parentRefs[0].name", "eg")));
        assertThat(noProxy.getMessage(), containsString("proxyNamespace"));
    }

    @Test
    void lintStrictPassesWithTheGatewayOn(@TempDir Path dir) throws IOException {
        Path chart = Chart.copy(dir);
        Path values = chart.resolve("values.yaml");
        Map<String, Object> tree = new Yaml().load(Files.readString(values));
        tree.put("gateway", Map.of(
                "enabled", true,
                "parentRefs", List.of(Map.of("name", "eg", "namespace", "default")),
                "proxyNamespace", "envoy-gateway-system"));
        Files.writeString(values, new Yaml().dump(tree));

        LintResult lint = Chart.lint(chart);

        assertThat("helm lint --strict: " + lint.getMessages(), lint.isFailed(), is(false));
        assertThat(lint.getMessages().stream()
                .filter(m -> m.contains("[WARNING]") || m.contains("[ERROR]")).toList(), is(empty()));
        assertThat("linted the Ingress, not the HTTPRoute", Chart.render(chart, Map.of()).all(Ingress.class), is(empty()));
    }

    /**
     * The routes of every rendered HTTPRoute, read back the way a Gateway applies them. Checks on
     * the way what the API demands: at most 16 rules; a rewriting rule has exactly one PathPrefix
     * match; every backend is a Service port that exists.
     */
    private static List<Route> routes(Rendered rendered) {
        List<Route> routes = new ArrayList<>();
        for (HTTPRoute httpRoute : rendered.all(HTTPRoute.class)) {
            List<HTTPRouteRule> rules = httpRoute.getSpec().getRules();
            assertThat(httpRoute.getMetadata().getName() + ": " + rules.size() + " rules", rules.size(),
                    lessThanOrEqualTo(MAX_RULES));
            for (HTTPRouteRule rule : rules) {
                assertThat(rule.toString(), rule.getMatches(), hasSize(1));
                HTTPPathMatch path = rule.getMatches().getFirst().getPath();
                assertThat(rule.toString(), path.getType(), is("PathPrefix"));
                assertThat(rule.toString(), rule.getBackendRefs(), hasSize(1));
                routes.add(new Route(path.getValue(), service(rule.getBackendRefs().getFirst(), rendered),
                        upstream(rule.getFilters())));
            }
        }
        return routes;
    }

    private static String service(HTTPBackendRef backend, Rendered rendered) {
        assertThat("a Service (the default kind)", backend.getKind(), nullValue());
        assertThat("in the release's namespace", backend.getNamespace(), nullValue());
        Service target = rendered.named(Service.class, backend.getName());
        assertThat(backend.getName() + ":" + backend.getPort(),
                target.getSpec().getPorts().stream().map(p -> p.getPort()).toList(), hasItem(backend.getPort()));
        return backend.getName().substring(Chart.RELEASE.length() + 1);
    }

    /** The prefix's replacement, or null when the path goes through unchanged. */
    private static String upstream(List<HTTPRouteFilter> filters) {
        if (filters == null || filters.isEmpty()) {
            return null;
        }
        assertThat(filters, hasSize(1));
        HTTPRouteFilter filter = filters.getFirst();
        assertThat(filter.getType(), is("URLRewrite"));
        assertThat("the Host header is kept", filter.getUrlRewrite().getHostname(), nullValue());
        HTTPPathModifier path = filter.getUrlRewrite().getPath();
        assertThat(path.getType(), is("ReplacePrefixMatch"));
        return path.getReplacePrefixMatch();
    }

    private static Map<String, String> parentRef(ParentReference ref) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", ref.getName());
        if (ref.getNamespace() != null) {
            fields.put("namespace", ref.getNamespace());
        }
        if (ref.getSectionName() != null) {
            fields.put("sectionName", ref.getSectionName());
        }
        return fields;
    }

    private static List<Route> routeTable() throws IOException {
        try (InputStream in = Files.newInputStream(RepoRoot.resolve("helm/files/routes.yaml"))) {
            return RouteTable.parse(in).routes();
        }
    }
}
