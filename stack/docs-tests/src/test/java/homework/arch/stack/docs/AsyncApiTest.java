package homework.arch.stack.docs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * openapi/asyncapi.yaml is the contract of topic {@code order.events}: it must say what
 * docs/development.md says and what orders really writes into its outbox.
 */
class AsyncApiTest {

    private static final String SCHEMA = "components.schemas.OrderEvent";

    @Test
    void describesTheOrderEventsTopicKeyAndHeaders() {
        Map<String, Object> doc = YamlDocs.load(Docs.root().resolve("openapi/asyncapi.yaml"));
        assertEquals("3.0.0", String.valueOf(doc.get("asyncapi")));
        assertEquals("order.events", YamlDocs.at(doc, "channels.orderEvents.address"));
        assertEquals(Set.of("OrderPaid", "OrderCancelled"), YamlDocs.map(doc, "channels.orderEvents.messages").keySet());
        assertEquals(List.of("id", "eventType"), YamlDocs.at(doc, "components.schemas.OrderEventHeaders.required"));
        assertEquals(List.of("OrderPaid", "OrderCancelled"),
                YamlDocs.at(doc, "components.schemas.OrderEventHeaders.properties.eventType.enum"));
        assertEquals("uuid", YamlDocs.at(doc, "components.schemas.OrderKey.format"));
        for (String message : List.of("OrderPaid", "OrderCancelled")) {
            String path = "components.messages." + message;
            assertEquals("#/components/schemas/OrderEvent", YamlDocs.at(doc, path + ".payload.$ref"));
            assertEquals("#/components/schemas/OrderEventHeaders", YamlDocs.at(doc, path + ".headers.$ref"));
            assertEquals("#/components/schemas/OrderKey", YamlDocs.at(doc, path + ".bindings.kafka.key.$ref"));
        }
        assertEquals(List.of(), YamlDocs.unresolvedRefs(doc));
    }

    @Test
    void payloadSchemaHasExactlyTheFieldsOfDevelopmentMd() {
        Map<String, Object> doc = YamlDocs.load(Docs.root().resolve("openapi/asyncapi.yaml"));
        Set<String> documented = developmentMdPayloadFields();
        assertEquals(documented, YamlDocs.map(doc, SCHEMA + ".properties").keySet());
        assertEquals(List.copyOf(documented), YamlDocs.at(doc, SCHEMA + ".required"));
        assertEquals(false, YamlDocs.at(doc, SCHEMA + ".additionalProperties"));
    }

    @Test
    void payloadSchemaHasExactlyTheFieldsOrdersWrites() {
        Map<String, Object> doc = YamlDocs.load(Docs.root().resolve("openapi/asyncapi.yaml"));
        Path record = Docs.root().resolve("orders/src/main/java/homework/arch/orders/outbox/OrderEvent.java");
        assertEquals(recordComponents(Docs.read(record)), YamlDocs.map(doc, SCHEMA + ".properties").keySet());
    }

    @Test
    void examplesFollowTheSchema() {
        Map<String, Object> doc = YamlDocs.load(Docs.root().resolve("openapi/asyncapi.yaml"));
        Map<String, Object> properties = YamlDocs.map(doc, SCHEMA + ".properties");
        for (String message : List.of("OrderPaid", "OrderCancelled")) {
            List<?> examples = (List<?>) YamlDocs.at(doc, "components.messages." + message + ".examples");
            assertTrue(!examples.isEmpty(), message + " has no example");
            for (Object example : examples) {
                Map<?, ?> payload = (Map<?, ?>) ((Map<?, ?>) example).get("payload");
                Map<?, ?> headers = (Map<?, ?>) ((Map<?, ?>) example).get("headers");
                assertEquals(properties.keySet(), payload.keySet(), message + " example payload");
                assertEquals(message, headers.get("eventType"));
                assertEquals(message.equals("OrderPaid") ? "PAID" : "CANCELLED", payload.get("status"));
            }
        }
    }

    @Test
    void styleDocumentsParseAndTheirReferencesResolve() {
        for (String file : List.of("openapi/styles/http-only.yaml", "openapi/styles/event-collaboration.asyncapi.yaml")) {
            Map<String, Object> doc = YamlDocs.load(Docs.root().resolve(file));
            assertTrue(doc.containsKey("openapi") || doc.containsKey("asyncapi"), file);
            assertEquals(List.of(), YamlDocs.unresolvedRefs(doc), file);
        }
    }

    /** The field names listed after "Payload:" in docs/development.md, in order. */
    private static Set<String> developmentMdPayloadFields() {
        String text = Docs.read(Docs.root().resolve("docs/development.md"));
        Matcher line = Pattern.compile("Payload: `\\{(.*?)}`").matcher(text);
        assertTrue(line.find(), "docs/development.md has no 'Payload: `{...}`' line");
        Set<String> fields = new LinkedHashSet<>();
        Matcher name = Pattern.compile("\"(\\w+)\"").matcher(line.group(1));
        while (name.find()) {
            fields.add(name.group(1));
        }
        return fields;
    }

    /** The component names of the one record declared in {@code source}. */
    static Set<String> recordComponents(String source) {
        Matcher header = Pattern.compile("record\\s+\\w+\\s*\\(([^)]*)\\)").matcher(source);
        assertTrue(header.find(), "no record in the source");
        Set<String> names = new LinkedHashSet<>();
        for (String component : header.group(1).split(",")) {
            String[] words = component.trim().split("\\s+");
            names.add(words[words.length - 1]);
        }
        return names;
    }

    @Test
    void recordComponentsAreReadFromSource() {
        assertEquals(new LinkedHashSet<>(Arrays.asList("a", "b")),
                recordComponents("/** x */ public record R(UUID a,\n  BigDecimal b) {}"));
    }
}
