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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * openapi/asyncapi.yaml is the contract of topic {@code order.events}: it must say what
 * docs/development.md says and what orders really writes into its outbox.
 */
class AsyncApiTest {

    private static final String SCHEMA = "components.schemas.OrderEvent";

    @Test
    void describesTheOrderEventsTopicKeyAndHeaders() {
        Map<String, Object> doc = YamlDocs.load(Docs.root().resolve("openapi/asyncapi.yaml"));
        assertThat(String.valueOf(doc.get("asyncapi")), is("3.0.0"));
        assertThat(YamlDocs.at(doc, "channels.orderEvents.address"), is("order.events"));
        assertThat(YamlDocs.map(doc, "channels.orderEvents.messages").keySet(), is(Set.of("OrderPaid", "OrderCancelled")));
        assertThat(YamlDocs.at(doc, "components.schemas.OrderEventHeaders.required"), is(List.of("id", "eventType")));
        assertThat(YamlDocs.at(doc, "components.schemas.OrderEventHeaders.properties.eventType.enum"),
                is(List.of("OrderPaid", "OrderCancelled")));
        assertThat(YamlDocs.at(doc, "components.schemas.OrderKey.format"), is("uuid"));
        for (String message : List.of("OrderPaid", "OrderCancelled")) {
            String path = "components.messages." + message;
            assertThat(YamlDocs.at(doc, path + ".payload.$ref"), is("#/components/schemas/OrderEvent"));
            assertThat(YamlDocs.at(doc, path + ".headers.$ref"), is("#/components/schemas/OrderEventHeaders"));
            assertThat(YamlDocs.at(doc, path + ".bindings.kafka.key.$ref"), is("#/components/schemas/OrderKey"));
        }
        assertThat(YamlDocs.unresolvedRefs(doc), is(empty()));
    }

    @Test
    void payloadSchemaHasExactlyTheFieldsOfDevelopmentMd() {
        Map<String, Object> doc = YamlDocs.load(Docs.root().resolve("openapi/asyncapi.yaml"));
        Set<String> documented = developmentMdPayloadFields();
        assertThat(YamlDocs.map(doc, SCHEMA + ".properties").keySet(), is(documented));
        assertThat(YamlDocs.at(doc, SCHEMA + ".required"), is(List.copyOf(documented)));
        assertThat(YamlDocs.at(doc, SCHEMA + ".additionalProperties"), is(false));
    }

    @Test
    void payloadSchemaHasExactlyTheFieldsOrdersWrites() {
        Map<String, Object> doc = YamlDocs.load(Docs.root().resolve("openapi/asyncapi.yaml"));
        Path record = Docs.root().resolve("orders/src/main/java/homework/arch/orders/outbox/OrderEvent.java");
        assertThat(YamlDocs.map(doc, SCHEMA + ".properties").keySet(), is(recordComponents(Docs.read(record))));
    }

    @Test
    void examplesFollowTheSchema() {
        Map<String, Object> doc = YamlDocs.load(Docs.root().resolve("openapi/asyncapi.yaml"));
        Map<String, Object> properties = YamlDocs.map(doc, SCHEMA + ".properties");
        for (String message : List.of("OrderPaid", "OrderCancelled")) {
            List<?> examples = (List<?>) YamlDocs.at(doc, "components.messages." + message + ".examples");
            assertThat(message + " has no example", examples, not(empty()));
            for (Object example : examples) {
                Map<?, ?> payload = (Map<?, ?>) ((Map<?, ?>) example).get("payload");
                Map<?, ?> headers = (Map<?, ?>) ((Map<?, ?>) example).get("headers");
                assertThat(message + " example payload", payload.keySet(), is(properties.keySet()));
                assertThat(headers.get("eventType"), is(message));
                assertThat(payload.get("status"), is(message.equals("OrderPaid") ? "PAID" : "CANCELLED"));
            }
        }
    }

    @Test
    void styleDocumentsParseAndTheirReferencesResolve() {
        for (String file : List.of("openapi/styles/http-only.yaml", "openapi/styles/event-collaboration.asyncapi.yaml")) {
            Map<String, Object> doc = YamlDocs.load(Docs.root().resolve(file));
            assertThat(file, doc, anyOf(hasKey("openapi"), hasKey("asyncapi")));
            assertThat(file, YamlDocs.unresolvedRefs(doc), is(empty()));
        }
    }

    /** The field names listed after "Payload:" in docs/development.md, in order. */
    private static Set<String> developmentMdPayloadFields() {
        String text = Docs.read(Docs.root().resolve("docs/development.md"));
        Matcher line = Pattern.compile("Payload: `\\{(.*?)}`").matcher(text);
        assertThat("docs/development.md has no 'Payload: `{...}`' line", line.find(), is(true));
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
        assertThat("no record in the source", header.find(), is(true));
        Set<String> names = new LinkedHashSet<>();
        for (String component : header.group(1).split(",")) {
            String[] words = component.trim().split("\\s+");
            names.add(words[words.length - 1]);
        }
        return names;
    }

    @Test
    void recordComponentsAreReadFromSource() {
        assertThat(recordComponents("/** x */ public record R(UUID a,\n  BigDecimal b) {}"),
                is(new LinkedHashSet<>(Arrays.asList("a", "b"))));
    }
}
