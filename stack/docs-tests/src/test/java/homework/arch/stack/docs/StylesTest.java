package homework.arch.stack.docs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The theory part agrees with itself: each interaction style's IDL has every HTTP call and every
 * event its sequence diagram shows, every channel of an AsyncAPI document has a sender and a
 * receiver, and style 1's OpenAPI has every path of the real services (as it says it has).
 */
class StylesTest {

    /** An HTTP call in a diagram's arrow label: method and path (a path may go on after a {@code /\n}). */
    private static final Pattern CALL = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) (/[^\\s?\"]*)");
    /** An event name in a diagram: a capitalised noun and a past participle, as the IDLs name them. */
    private static final Pattern EVENT = Pattern.compile("\\b((?:User|Order|Payment)(?:Registered|Created|Paid|Cancelled|Completed|Rejected))\\b");
    private static final List<String> SERVICES = List.of("users", "billing", "orders", "notifications");

    /**
     * Operations of the real services that style 1 has no use for: the re-drive of records that
     * notifications' Kafka consumer parked (in style 1 orders calls notifications, and nothing is parked).
     */
    private static final Set<String> BROKER_ONLY = Set.of("POST /internal/notifications/parked-events/redrive");

    @Test
    void styleOneHasEveryPathOfTheRealServices() {
        Set<String> styleOne = operations(List.of("openapi/styles/http-only.yaml"));
        Set<String> real = operations(SERVICES.stream().map(s -> "openapi/" + s + ".yaml").toList());
        assertThat("an operation left out of style 1 is gone from the real services", real.containsAll(BROKER_ONLY),
                is(true));
        Set<String> missing = new TreeSet<>(real);
        missing.removeAll(BROKER_ONLY);
        missing.removeAll(styleOne);
        assertThat("operations of openapi/<service>.yaml that style 1's IDL lacks", missing, is(empty()));
    }

    @Test
    void everyCallOfEachStyleDiagramIsInItsOpenApi() {
        List<String> problems = new ArrayList<>();
        check("style-1-http-only.puml", List.of("openapi/styles/http-only.yaml"), problems);
        check("style-2-http-broker.puml", SERVICES.stream().map(s -> "openapi/" + s + ".yaml").toList(), problems);
        check("style-3-event-collaboration.puml", List.of("openapi/styles/event-collaboration.yaml"), problems);
        assertThat(problems, is(empty()));
    }

    @Test
    void everyEventOfEachStyleDiagramIsInItsAsyncApi() {
        List<String> problems = new ArrayList<>();
        Map<String, String> styles = Map.of("style-2-http-broker.puml", "openapi/asyncapi.yaml",
                "style-3-event-collaboration.puml", "openapi/styles/event-collaboration.asyncapi.yaml");
        styles.forEach((diagram, idl) -> {
            Set<String> shown = events(Docs.read(Docs.diagrams().resolve(diagram)));
            assertThat(diagram + " shows no event", shown, not(empty()));
            Set<String> messages = YamlDocs.map(YamlDocs.load(Docs.root().resolve(idl)), "components.messages").keySet();
            for (String event : shown) {
                if (!messages.contains(event)) {
                    problems.add(diagram + ": " + event + " is not a message of " + idl);
                }
            }
        });
        assertThat(problems, is(empty()));
    }

    @Test
    void everyChannelIsSentAndReceived() {
        List<String> problems = new ArrayList<>();
        for (String idl : List.of("openapi/asyncapi.yaml", "openapi/styles/event-collaboration.asyncapi.yaml")) {
            Map<String, Object> doc = YamlDocs.load(Docs.root().resolve(idl));
            for (String channel : YamlDocs.map(doc, "channels").keySet()) {
                for (String action : List.of("send", "receive")) {
                    boolean found = YamlDocs.map(doc, "operations").values().stream()
                            .map(op -> (Map<?, ?>) op)
                            .anyMatch(op -> action.equals(op.get("action"))
                                    && ("#/channels/" + channel).equals(((Map<?, ?>) op.get("channel")).get("$ref")));
                    if (!found) {
                        problems.add(idl + ": channel " + channel + " has no '" + action + "' operation");
                    }
                }
            }
            assertThat(idl, YamlDocs.unresolvedRefs(doc), is(empty()));
        }
        assertThat(problems, is(empty()));
    }

    @Test
    void styleThreesHttpSideAnswers202AndIsPolled() {
        Map<String, Object> doc = YamlDocs.load(Docs.root().resolve("openapi/styles/event-collaboration.yaml"));
        assertThat(YamlDocs.map(doc, "paths./orders.post.responses"), hasKey("202"));
        assertThat(YamlDocs.map(doc, "paths"), hasKey("/orders/{id}"));
        assertThat(YamlDocs.unresolvedRefs(doc), is(empty()));
    }

    @Test
    void callsAndEventsAreReadFromDiagramLabels() {
        String diagram = "orders -> billing : POST /billing/accounts/\\n{userId}/withdrawals\n"
                + "client -> notifications : GET /notifications?userId=\norders ->> kafka : OrderPaid |\\nOrderCancelled";
        assertThat(calls(diagram), is(Set.of("POST /billing/accounts/{}/withdrawals", "GET /notifications")));
        assertThat(events(diagram), is(Set.of("OrderPaid", "OrderCancelled")));
    }

    private static void check(String diagram, List<String> idls, List<String> problems) {
        Set<String> known = operations(idls);
        Set<String> shown = calls(Docs.read(Docs.diagrams().resolve(diagram)));
        assertThat(diagram + " shows no HTTP call", shown, not(empty()));
        for (String call : shown) {
            if (!known.contains(call)) {
                problems.add(diagram + ": " + call + " is in none of " + idls);
            }
        }
    }

    /** "METHOD /path" of every operation, path parameters written {}. */
    private static Set<String> operations(List<String> files) {
        Set<String> operations = new TreeSet<>();
        for (String file : files) {
            Map<String, Object> paths = YamlDocs.map(YamlDocs.load(Docs.root().resolve(file)), "paths");
            paths.forEach((path, item) -> ((Map<?, ?>) item).keySet().stream().map(String::valueOf)
                    .filter(m -> m.matches("get|post|put|patch|delete"))
                    .forEach(m -> operations.add(m.toUpperCase() + " " + normalise(path))));
        }
        return operations;
    }

    static Set<String> calls(String diagram) {
        Set<String> calls = new LinkedHashSet<>();
        Matcher m = CALL.matcher(diagram.replace("/\\n", "/").replace("\\n", " "));
        while (m.find()) {
            calls.add(m.group(1) + " " + normalise(m.group(2)));
        }
        return calls;
    }

    static Set<String> events(String diagram) {
        Set<String> events = new LinkedHashSet<>();
        Matcher m = EVENT.matcher(diagram.replace("\\n", " "));
        while (m.find()) {
            events.add(m.group(1));
        }
        return events;
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}").replaceFirst("/$", "");
    }
}
