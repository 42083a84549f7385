package homework.arch.stack.ingress;

import java.io.ByteArrayInputStream;
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
            assertEquals(Optional.of(new RouteTable.Target(service, "/" + service + "/x")), routes.resolve("/" + service + "/x"));
            assertEquals(Optional.of(new RouteTable.Target(service, "/openapi/ui")), routes.resolve("/openapi/" + service + "/ui"));
            assertEquals(Optional.of("/openapi/" + service), routes.openApiPath(service));
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

        assertEquals(Optional.of(new RouteTable.Target("two", "/c/d")), table.resolve("/a/b/d"));
        assertEquals(Optional.of(new RouteTable.Target("one", "/a/bx")), table.resolve("/a/bx"));
    }

    private static RouteTable parse(String yaml) {
        return RouteTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
