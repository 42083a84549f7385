package homework.arch.stack.ingress;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    private final RouteTable routes = RouteTable.bundled();

    @Test
    void theChartTableRoutesTheFourServicesAndTheirDocuments() {
        assertEquals(Set.of("users", "billing", "orders", "notifications"), routes.services());
        for (String service : routes.services()) {
            assertEquals(Optional.of("/" + service + "/x"), routes.resolve("/" + service + "/x").map(RouteTable.Target::path));
            assertEquals(Optional.of(service), routes.resolve("/" + service + "/x").map(RouteTable.Target::service));
            assertEquals(Optional.of("/openapi/ui"), routes.resolve("/openapi/" + service + "/ui").map(RouteTable.Target::path));
            assertEquals(Optional.of("/openapi/" + service), routes.openApiPath(service));
        }
    }

    /** The UI asks for its document at "..", relative to its page (platform config): the service's own. */
    @Test
    void theUiBehindTheIngressFindsItsOwnServicesDocument() {
        for (String service : routes.services()) {
            String document = URI.create("http://ingress/openapi/" + service + "/ui/index.html").resolve("..").getPath();
            assertEquals(Optional.of(service + ":/openapi/"),
                    routes.resolve(document).map(t -> t.service() + ":" + t.path()), document);
        }
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        assertEquals(Optional.empty(), routes.resolve("/usersx"));
        assertEquals(Optional.empty(), routes.resolve("/openapi"));
        assertEquals(Optional.empty(), routes.resolve("/openapi/usersx"));
        assertTrue(routes.resolve("/users").isPresent());
    }

    @Test
    void nothingUnderInternalIsRouted() {
        assertEquals(Optional.empty(), routes.resolve("/internal/billing/accounts"));
        assertThrows(IllegalArgumentException.class, () -> parse("routes: [{prefix: /internal, service: billing}]"));
        assertThrows(IllegalArgumentException.class,
                () -> parse("routes: [{prefix: /x, service: billing, upstream: /internal/accounts}]"));
        assertThrows(IllegalArgumentException.class, () -> parse("routes: [{prefix: /x/../internal, service: billing}]"));
    }

    @Test
    void theLongestPrefixWins() {
        RouteTable table = parse("routes: [{prefix: /a, service: one}, {prefix: /a/b, service: two, upstream: /c}]");

        assertEquals(Optional.of("two:/c/d"), table.resolve("/a/b/d").map(t -> t.service() + ":" + t.path()));
        assertEquals(Optional.of("one:/a/bx"), table.resolve("/a/bx").map(t -> t.service() + ":" + t.path()));
    }

    @Test
    void locationsFromTheServiceAreMovedUnderThePublicPrefix() {
        Route documents = new Route("/openapi/users", "users", "/openapi");
        Route users = new Route("/users", "users", null);

        assertEquals("/openapi/users/ui/index.html", documents.publicLocation("/openapi/ui/index.html"));
        assertEquals("/openapi/users", documents.publicLocation("/openapi"));
        assertEquals("/openapix", documents.publicLocation("/openapix"));
        assertEquals("/users/1", users.publicLocation("/users/1"));
        assertEquals("http://elsewhere/openapi", documents.publicLocation("http://elsewhere/openapi"));
    }

    private static RouteTable parse(String yaml) {
        return RouteTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
