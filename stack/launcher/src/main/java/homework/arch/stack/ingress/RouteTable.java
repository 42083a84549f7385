package homework.arch.stack.ingress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The public routes, read from the Helm chart's {@code files/routes.yaml} (bundled into this jar by
 * the build, never copied), so the local ingress and the Kubernetes Ingress route the same paths.
 */
public record RouteTable(List<Route> routes) {

    /** Where the build puts the chart's route table on the classpath. */
    static final String RESOURCE = "routes.yaml";

    /** The service a request goes to, the path it sees there, and the route that chose it. */
    public record Target(String service, String path, Route route) {
    }

    public RouteTable {
        routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
    }

    /** The chart's table, as bundled by the build. */
    public static RouteTable bundled() {
        try (InputStream in = RouteTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("routes.yaml is not on the classpath; build stack/launcher with Maven");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static RouteTable parse(InputStream yaml) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<Map<String, String>> entries = (List<Map<String, String>>) document.get("routes");
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("The route table has no routes");
        }
        return new RouteTable(entries.stream()
                .map(e -> new Route(e.get("prefix"), e.get("service"), e.get("upstream")))
                .toList());
    }

    /** The longest prefix that matches a normalized, decoded path. */
    public Optional<Target> resolve(String path) {
        return routes.stream()
                .filter(route -> route.matches(path))
                .findFirst()
                .map(route -> new Target(route.service(), route.upstreamPath(path), route));
    }

    public Set<String> services() {
        Set<String> services = new TreeSet<>();
        routes.forEach(route -> services.add(route.service()));
        return services;
    }

    /** The public path of a service's OpenAPI document ({@code /openapi/users}), if routed. */
    public Optional<String> openApiPath(String service) {
        return routes.stream()
                .filter(route -> route.service().equals(service) && "/openapi".equals(route.upstream()))
                .map(Route::prefix)
                .findFirst();
    }
}
