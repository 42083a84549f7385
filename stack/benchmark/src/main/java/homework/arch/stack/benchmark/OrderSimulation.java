package homework.arch.stack.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import homework.arch.stack.StackStyle;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Open model: orders arrive at a rate, whatever the system's answer time. Mode {@code ramp} raises
 * the rate from {@code bench.rateFrom} to {@code bench.rateTo} over {@code bench.seconds}; mode
 * {@code fixed} keeps {@code bench.rateTo}: first {@code bench.generatorWarmupSeconds} of replays at
 * that rate ({@link #replaying}), which let this JVM, started cold on the stack's cores, compile the
 * very request path of the orders to come while the stack does little; then a lead-in of
 * {@code bench.leadInSeconds} of orders at the same rate, whose requests have a name of their own
 * ({@link #request}); then the measured orders. With {@code bench.clients} above 0 (the warm-up) the
 * model is closed instead: that many orders in flight, each sent when one is answered, which loads
 * the stack as hard as it can take without a queue. A placed order must answer as its style
 * ({@code bench.style}) answers ({@link #answer}): 201 with PAID or CANCELLED, or, in event collaboration,
 * 202 with PENDING; there a client of the closed model reads its order back every {@link #POLL} until
 * it is final, so that the clients keep that many orders in flight until they are settled, not only
 * until they are accepted (a backlog would grow in Kafka otherwise), and the open model writes the
 * moment it sent each POST to {@code bench.sentFile} when the load ends ({@link SentOrders}). Each
 * order has the client's id. Without {@code bench.usersFile} it registers its own users first (for
 * {@code gatling:test}).
 */
public class OrderSimulation extends Simulation {

    /** The phase name of the fixed phase's lead-in requests. */
    static final String LEAD_IN = "lead-in";

    /** The phase name of the replays that warm this JVM up before the fixed phase's orders. */
    static final String GENERATOR_WARMUP = "load generator warm-up";

    /** The body of {@code POST /orders}, from a feeder's {@code orderId}, {@code userId} and {@code price}. */
    private static final String ORDER_BODY = "{\"id\":\"#{orderId}\",\"userId\":\"#{userId}\",\"price\":#{price}}";

    /** How many orders the warm-up places; every later request of it replays one of them. */
    static final int REPLAYED_ORDERS = 50;

    /** How long a closed-model client waits before it reads a {@code PENDING} order again. */
    static final Duration POLL = Duration.ofMillis(20);

    /** The longest a closed-model client waits for its order to be final before it places the next one. */
    static final Duration POLL_LIMIT = Duration.ofSeconds(30);

    private final String baseUrl = System.getProperty("bench.baseUrl", "http://127.0.0.1:8080");
    private final String mode = System.getProperty("bench.mode", "fixed");
    private final double rateFrom = Double.parseDouble(System.getProperty("bench.rateFrom", "10"));
    private final double rateTo = Double.parseDouble(System.getProperty("bench.rateTo", "50"));
    private final int clients = Integer.parseInt(System.getProperty("bench.clients", "0"));
    private final int seconds = Integer.parseInt(System.getProperty("bench.seconds", "10"));
    private final int leadInSeconds = Integer.parseInt(System.getProperty("bench.leadInSeconds", "0"));
    private final int generatorWarmupSeconds = Integer.parseInt(System.getProperty("bench.generatorWarmupSeconds", "0"));
    private final StackStyle style = StackStyle.parse(System.getProperty("bench.style", Settings.DEFAULT_STYLE.configName()));
    private final Answer answer = answer(style);
    private final Queue<SentOrders.Sent> sent = new ConcurrentLinkedQueue<>();

    private final Population population = System.getProperty("bench.usersFile") != null
            ? Population.read(Path.of(System.getProperty("bench.usersFile")))
            : Seeding.seed(URI.create(baseUrl), 100, style);

    /** What {@code POST /orders} answers a placed order: the status code and the order's possible statuses. */
    record Answer(int status, List<String> orderStatuses) {
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections()
            .disableWarmUp();

    {
        if (clients > 0) {
            setUp(settling(mode).injectClosed(constantConcurrentUsers(clients).during(seconds))).protocols(protocol);
        } else if (mode.equals("fixed") && leadInSeconds > 0) {
            int warmup = generatorWarmupSeconds;
            List<PopulationBuilder> phases = new ArrayList<>();
            if (warmup > 0) {
                phases.add(replaying().injectOpen(constantUsersPerSec(rateTo).during(warmup)));
            }
            phases.add(placing(LEAD_IN).injectOpen(nothingFor(warmup), constantUsersPerSec(rateTo).during(leadInSeconds)));
            phases.add(placing(mode).injectOpen(nothingFor(warmup + leadInSeconds),
                    constantUsersPerSec(rateTo).during(seconds)));
            setUp(phases).protocols(protocol);
        } else if (mode.equals("fixed")) {
            setUp(placing(mode).injectOpen(constantUsersPerSec(rateTo).during(seconds))).protocols(protocol);
        } else {
            setUp(placing(mode).injectOpen(rampUsersPerSec(rateFrom).to(rateTo).during(seconds))).protocols(protocol);
        }
    }

    /**
     * Says when the orders start (after this JVM's own start and its warm-up): where the lead-in's
     * seconds count from.
     */
    @Override
    public void before() {
        String startedFile = System.getProperty("bench.startedFile");
        if (startedFile != null) {
            write(Path.of(startedFile), Instant.now().plusSeconds(generatorWarmupSeconds).toString());
        }
    }

    /** Writes when each order's POST was sent, for {@link Settled}. */
    @Override
    public void after() {
        String sentFile = System.getProperty("bench.sentFile");
        if (sentFile != null) {
            SentOrders.write(Path.of(sentFile), sent);
        }
    }

    /**
     * The answer a placed order gets in {@code style}: the final status in the styles that charge in the
     * request, {@code PENDING} in event collaboration, where events settle it later.
     */
    static Answer answer(StackStyle style) {
        return switch (style) {
            case HTTP_ONLY, HTTP_BROKER -> new Answer(201, List.of("PAID", "CANCELLED"));
            case EVENT_COLLABORATION -> new Answer(202, List.of("PENDING"));
        };
    }

    /** The name of the requests of a phase in the Gatling report ({@link GatlingStats#read}). */
    static String request(String phase) {
        return "POST /orders (" + phase + ")";
    }

    /**
     * The lead-in's own request, {@code POST /orders} with the same body and the same checks, for a
     * few orders sent over and over: the first request of each places it, every later one is a replay,
     * which orders answers from the stored order (200 with it, or 202 while it is PENDING) without a
     * charge, an outbox row or a letter. So this JVM's compilers are done with the orders' path before
     * the lead-in, and the stack's cores stay free for it (a read of another service, such as
     * {@code GET /users/{id}}, would make that service compile a path of its own meanwhile).
     */
    private ScenarioBuilder replaying() {
        List<Map<String, Object>> replayed = Stream.generate(this::newOrder).limit(REPLAYED_ORDERS).toList();
        Iterator<Map<String, Object>> cycle = Stream.iterate(0, i -> (i + 1) % REPLAYED_ORDERS).map(replayed::get).iterator();
        return scenario("orders (" + GENERATOR_WARMUP + ")")
                .feed(cycle)
                .exec(http(request(GENERATOR_WARMUP)).post("/orders")
                        .body(StringBody(ORDER_BODY))
                        .check(status().in(200, 201, 202), jsonPath("$.status").saveAs("status")));
    }

    /** Orders of a phase, each placed and, where the answer is not final, read back until it is. */
    private ScenarioBuilder settling(String phase) {
        if (Settled.inTheAnswer(style)) {
            return placing(phase);
        }
        return placing(phase).asLongAsDuring(session -> "PENDING".equals(session.getString("status")), POLL_LIMIT).on(
                pause(POLL),
                exec(http("GET /orders/{id} (" + phase + ")").get("/orders/#{orderId}")
                        .check(status().is(200), jsonPath("$.status").saveAs("status"))));
    }

    /**
     * Orders of a phase; in the open model, where the answer does not carry the final status, each
     * POST's send time is kept for {@link #after} (taken just before the request, in the virtual
     * user's own turn).
     */
    private ScenarioBuilder placing(String phase) {
        HttpRequestActionBuilder post = http(request(phase)).post("/orders")
                .body(StringBody(ORDER_BODY))
                .check(status().is(answer.status()), jsonPath("$.status").in(answer.orderStatuses()),
                        jsonPath("$.status").saveAs("status"));
        ScenarioBuilder scenario = scenario("orders (" + phase + ")").feed(orders());
        if (Settled.inTheAnswer(style) || clients > 0) {
            return scenario.exec(post);
        }
        return scenario.exec(session -> session.set("sentAt", Instant.now()))
                .exec(post)
                .exec(session -> {
                    sent.add(new SentOrders.Sent(phase, session.get("orderId"), session.get("sentAt")));
                    return session;
                });
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Iterator<Map<String, Object>> orders() {
        return Stream.generate(this::newOrder).iterator();
    }

    private Map<String, Object> newOrder() {
        return Map.of(
                "orderId", UUID.randomUUID(),
                "userId", population.pick(),
                // Exact cents: a double such as 1.1400000000000001 would be refused (more than 2 decimals).
                "price", BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(100, 10_100), 2).toPlainString());
    }
}
