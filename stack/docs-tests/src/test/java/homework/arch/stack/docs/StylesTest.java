package homework.arch.stack.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The theory part agrees with itself: each interaction style's IDL has every HTTP call and every
 * event its sequence diagram shows, with the fields the diagram draws for it; every channel of an
 * AsyncAPI document has a sender and a receiver; style 1's OpenAPI has every path of the real
 * services (as it says it has), and style 2's is exactly theirs.
 */
class StylesTest {

    /** An HTTP call in a diagram's arrow label: method and path (a path may go on after a {@code /\n}). */
    private static final Pattern CALL = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) (/[^\\s?\"]*)");
    /** An event name in a diagram: a capitalised noun and a past participle, as the IDLs name them. */
    private static final Pattern EVENT = Pattern.compile("\\b((?:User|Order|Payment)(?:Registered|Created|Paid|Cancelled|Completed|Rejected))\\b");
    private static final List<String> SERVICES = List.of("users", "billing", "orders", "notifications");
    /** An arrow of a sequence diagram with a label: {@code a -> b : ...}, {@code a --> b : ...} (an answer), {@code a ->> b}. */
    private static final Pattern ARROW = Pattern.compile(
            "^\\s*(\\w+)\\s*(-{1,2})(?:\\[[^\\]]*])?-?(?:>{1,2}|x)\\s*(\\w+)\\s*:(.*)$", Pattern.MULTILINE);
    /** The fields drawn in a label: {@code {"a", "b"}}, or {@code {"a", …}} for some of them. */
    private static final Pattern FIELDS = Pattern.compile(
            "\\{\\s*(\"\\w+\"(?:\\s*,\\s*\"\\w+\")*)\\s*(,\\s*(?:…|\\.\\.\\.))?\\s*}");
    /** Each style's diagram, its OpenAPI and its AsyncAPI (none for style 1). */
    private static final List<List<String>> STYLES = List.of(
            List.of("style-1-http-only.puml", "openapi/styles/http-only.yaml", ""),
            List.of("style-2-http-broker.puml", "openapi/styles/http-broker.yaml", "openapi/asyncapi.yaml"),
            List.of("style-3-event-collaboration.puml", "openapi/styles/event-collaboration.yaml",
                    "openapi/styles/event-collaboration.asyncapi.yaml"));

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
    void styleTwosOpenApiHasExactlyThePathsOfTheRealServices() {
        Set<String> styleTwo = new TreeSet<>(operationNodes(Docs.root().resolve("openapi/styles/http-broker.yaml")).keySet());
        Set<String> real = operations(SERVICES.stream().map(s -> "openapi/" + s + ".yaml").toList());
        assertThat(styleTwo, is(real));
    }

    /**
     * Where style 1's or style 3's IDL has an operation of the real services, it has their fields: the
     * request body's and the JSON answer's of every 2xx status both name.
     */
    @Test
    void everyOperationAStyleSharesWithTheServicesHasTheirFields() {
        Map<String, IdlFields.Node> real = new HashMap<>();
        for (String service : SERVICES) {
            real.putAll(operationNodes(Docs.root().resolve("openapi/" + service + ".yaml")));
        }
        List<String> problems = new ArrayList<>();
        int shared = 0;
        for (String style : List.of("openapi/styles/http-only.yaml", "openapi/styles/event-collaboration.yaml")) {
            for (Map.Entry<String, IdlFields.Node> op : operationNodes(Docs.root().resolve(style)).entrySet()) {
                IdlFields.Node theirs = real.get(op.getKey());
                if (theirs == null) {
                    continue;
                }
                shared++;
                String where = style + " " + op.getKey();
                sameFields(where + " request", op.getValue().get("requestBody"), theirs.get("requestBody"), problems);
                IdlFields.Node answers = op.getValue().get("responses");
                for (Object status : ((Map<?, ?>) answers.resolved().value()).keySet()) {
                    IdlFields.Node their = theirs.get("responses").get(String.valueOf(status));
                    if (String.valueOf(status).startsWith("2") && their != null) {
                        sameFields(where + " " + status, answers.get(String.valueOf(status)), their, problems);
                    }
                }
            }
        }
        assertThat(problems, is(empty()));
        assertThat("the styles share fewer operations with the services than they did", shared, greaterThanOrEqualTo(15));
    }

    private static void sameFields(String where, IdlFields.Node mine, IdlFields.Node theirs, List<String> problems) {
        Optional<Set<String>> a = IdlFields.jsonSchema(mine).map(IdlFields::fields);
        Optional<Set<String>> b = IdlFields.jsonSchema(theirs).map(IdlFields::fields);
        if (!a.equals(b)) {
            problems.add(where + ": " + a.map(Object::toString).orElse("no JSON body") + ", the service's "
                    + b.map(Object::toString).orElse("no JSON body"));
        }
    }

    /** "METHOD /path" (parameters written {}) → the operation, path items' {@code $ref}s followed. */
    private static Map<String, IdlFields.Node> operationNodes(Path file) {
        Map<String, IdlFields.Node> operations = new HashMap<>();
        IdlFields.paths(file).forEach((path, item) -> ((Map<?, ?>) item.value()).keySet().stream().map(String::valueOf)
                .filter(m -> m.matches("get|post|put|patch|delete"))
                .forEach(m -> operations.put(m.toUpperCase() + " " + normalise(path), item.get(m))));
        return operations;
    }

    /**
     * Every body a diagram draws is the IDL's: the fields of a call's request, of an answer (to the
     * last call between the two) and of an event are its schema's properties, all of them unless the
     * list ends with {@code …}; and a call whose operation takes a body draws it.
     */
    @Test
    void everyDrawnBodyHasTheFieldsOfItsIdl() {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (List<String> style : STYLES) {
            compared += checkFields(style.get(0), Docs.read(Docs.diagrams().resolve(style.get(0))), style.get(1),
                    style.get(2), problems);
        }
        assertThat(problems, is(empty()));
        assertThat("the diagrams draw fewer bodies than they did: is the pattern still right?", compared,
                greaterThanOrEqualTo(12));
    }

    @Test
    void aDrawnBodyThatDriftedFromItsIdlIsFound() {
        List<String> problems = new ArrayList<>();
        String diagram = String.join("\n",
                "client -> orders : POST /orders\\n{\"id\", \"userId\"}",
                "orders -> billing : POST /billing/accounts/\\n{userId}/withdrawals\\nIdempotency-Key: order id",
                "orders -> users : GET /internal/users/{userId}",
                "users --> orders : 200 {\"email\", \"phone\", …}",
                "users ->> kafka : UserRegistered\\n{\"userId\", \"email\"}");
        checkFields("drifted", diagram, "openapi/styles/http-only.yaml",
                "openapi/styles/event-collaboration.asyncapi.yaml", problems);
        assertThat(problems.toString(), problems.size(), is(4));
        assertThat(problems.get(0), containsString("POST /orders"));
        assertThat(problems.get(1), containsString("draws no body"));
        assertThat(problems.get(2), containsString("phone"));
        assertThat(problems.get(3), containsString("UserRegistered"));
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

    /** Compares every body the diagram draws with its IDL; returns how many it compared. */
    private static int checkFields(String name, String diagram, String openApi, String asyncApi, List<String> problems) {
        Map<String, IdlFields.Node> paths = IdlFields.paths(Docs.root().resolve(openApi));
        Map<String, String> lastCall = new HashMap<>();
        int compared = 0;
        Matcher arrow = ARROW.matcher(diagram);
        while (arrow.find()) {
            String from = arrow.group(1);
            String to = arrow.group(3);
            boolean answer = arrow.group(2).length() == 2;
            String label = arrow.group(4).replace("/\\n", "/").replace("\\n", " ");
            Optional<Set<String>> drawn = drawnFields(label);
            boolean open = label.matches(".*,\\s*(?:…|\\.\\.\\.)\\s*}.*");
            Set<String> called = calls(label);
            String where = name + ": " + arrow.group().strip();
            if (!answer && !called.isEmpty()) {
                String call = called.iterator().next();
                lastCall.put(from + ">" + to, call);
                IdlFields.Node operation = operation(paths, call);
                if (operation == null) {
                    continue;                     // everyCallOfEachStyleDiagramIsInItsOpenApi says so
                }
                Optional<Set<String>> body = IdlFields.jsonSchema(operation.get("requestBody")).map(IdlFields::properties);
                if (body.isPresent() && drawn.isEmpty()) {
                    problems.add(where + ": draws no body, but " + openApi + " takes " + body.get());
                } else if (drawn.isPresent()) {
                    compared++;
                    compare(where, drawn.get(), open, body.orElse(Set.of()), openApi, problems);
                }
            } else if (drawn.isPresent() && answer) {
                String call = lastCall.get(to + ">" + from);
                Matcher status = Pattern.compile("\\b([1-5]\\d\\d)\\b").matcher(label);
                IdlFields.Node operation = call == null ? null : operation(paths, call);
                Optional<Set<String>> answered = operation == null || !status.find() ? Optional.empty()
                        : Optional.ofNullable(operation.get("responses")).map(r -> r.get(status.group(1)))
                                .flatMap(IdlFields::jsonSchema).map(IdlFields::properties);
                if (answered.isEmpty()) {
                    problems.add(where + ": draws an answer's fields, but " + openApi + " has no JSON answer to "
                            + call + " with that status");
                } else {
                    compared++;
                    compare(where, drawn.get(), open, answered.get(), openApi, problems);
                }
            } else if (drawn.isPresent()) {
                Set<String> shown = events(label);
                if (shown.size() != 1 || asyncApi.isEmpty()) {
                    problems.add(where + ": draws fields of no one call, answer or event");
                    continue;
                }
                String event = shown.iterator().next();
                IdlFields.Node payload = IdlFields.document(Docs.root().resolve(asyncApi)).get("components")
                        .get("messages").get(event);
                if (payload == null) {
                    continue;                     // everyEventOfEachStyleDiagramIsInItsAsyncApi says so
                }
                compared++;
                compare(where, drawn.get(), open, IdlFields.properties(payload.get("payload")), asyncApi, problems);
            }
        }
        return compared;
    }

    private static void compare(String where, Set<String> drawn, boolean open, Set<String> idl, String file,
                                List<String> problems) {
        boolean agrees = open ? idl.containsAll(drawn) : idl.equals(drawn);
        if (!agrees) {
            problems.add(where + ": draws " + drawn + (open ? " (and more)" : "") + ", but " + file + " has " + idl);
        }
    }

    /** The names of the label's field list, if it draws one. */
    static Optional<Set<String>> drawnFields(String label) {
        Matcher m = FIELDS.matcher(label);
        if (!m.find()) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        for (String name : m.group(1).split(",")) {
            names.add(name.strip().replace("\"", ""));
        }
        return Optional.of(names);
    }

    /** The operation of "METHOD /path" (parameters written {}), or null. */
    private static IdlFields.Node operation(Map<String, IdlFields.Node> paths, String call) {
        String[] parts = call.split(" ", 2);
        for (Map.Entry<String, IdlFields.Node> path : paths.entrySet()) {
            if (normalise(path.getKey()).equals(parts[1])) {
                return path.getValue().get(parts[0].toLowerCase());
            }
        }
        return null;
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
