package homework.arch.stack.ingress;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import homework.arch.stack.fixtures.OpenApiContract;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RouteTableTest {

    private final RouteTable routes = RouteTable.bundled();

    @Test
    void theChartTableRoutesTheFourServicesAndTheirDocuments() {
        assertThat(routes.services(), is(Set.of("users", "billing", "orders", "notifications")));
        for (String service : routes.services()) {
            assertThat(routes.resolve("/" + service + "/x").map(RouteTable.Target::path),
                    is(Optional.of("/" + service + "/x")));
            assertThat(routes.resolve("/" + service + "/x").map(RouteTable.Target::service), is(Optional.of(service)));
            assertThat(routes.resolve("/openapi/" + service + "/ui").map(RouteTable.Target::path),
                    is(Optional.of("/openapi/ui")));
            assertThat(routes.openApiPath(service), is(Optional.of("/openapi/" + service)));
        }
    }

    /** The UI asks for its document at "..", relative to its page (platform config): the service's own. */
    @Test
    void theUiBehindTheIngressFindsItsOwnServicesDocument() {
        for (String service : routes.services()) {
            String document = URI.create("http://ingress/openapi/" + service + "/ui/index.html").resolve("..").getPath();
            assertThat(document, routes.resolve(document).map(t -> t.service() + ":" + t.path()),
                    is(Optional.of(service + ":/openapi/")));
        }
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        assertThat(routes.resolve("/usersx"), is(Optional.empty()));
        assertThat(routes.resolve("/openapi"), is(Optional.empty()));
        assertThat(routes.resolve("/openapi/usersx"), is(Optional.empty()));
        assertThat(routes.resolve("/users"), is(not(Optional.empty())));
    }

    @Test
    void nothingUnderInternalIsRouted() {
        List<String> internal = OpenApiContract.internalPaths();
        assertThat(internal, hasItems("/internal/billing/accounts", "/internal/notifications/parked-events/redrive"));
        for (String path : internal) {
            assertThat(path, routes.resolve(path), is(Optional.empty()));
        }
        assertThrows(IllegalArgumentException.class, () -> parse("routes: [{prefix: /internal, service: billing}]"));
        assertThrows(IllegalArgumentException.class,
                () -> parse("routes: [{prefix: /x, service: billing, upstream: /internal/accounts}]"));
        assertThrows(IllegalArgumentException.class, () -> parse("routes: [{prefix: /x/../internal, service: billing}]"));
    }

    @Test
    void theServicesMetricsAreNotRouted() {
        assertThat(routes.resolve("/metrics"), is(Optional.empty()));
    }

    @Test
    void theLongestPrefixWins() {
        RouteTable table = parse("routes: [{prefix: /a, service: one}, {prefix: /a/b, service: two, upstream: /c}]");

        assertThat(table.resolve("/a/b/d").map(t -> t.service() + ":" + t.path()), is(Optional.of("two:/c/d")));
        assertThat(table.resolve("/a/bx").map(t -> t.service() + ":" + t.path()), is(Optional.of("one:/a/bx")));
    }

    @Test
    void locationsFromTheServiceAreMovedUnderThePublicPrefix() {
        Route documents = new Route("/openapi/users", "users", "/openapi");
        Route users = new Route("/users", "users", null);

        assertThat(documents.publicLocation("/openapi/ui/index.html"), is("/openapi/users/ui/index.html"));
        assertThat(documents.publicLocation("/openapi"), is("/openapi/users"));
        assertThat(documents.publicLocation("/openapix"), is("/openapix"));
        assertThat(users.publicLocation("/users/1"), is("/users/1"));
        assertThat(documents.publicLocation("http://elsewhere/openapi"), is("http://elsewhere/openapi"));
    }

    private static RouteTable parse(String yaml) {
        return RouteTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
