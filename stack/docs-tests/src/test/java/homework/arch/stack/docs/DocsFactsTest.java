package homework.arch.stack.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * What the documentation says about files and settings holds in this checkout: no text points
 * outside the repository (a relative path that leaves it or names a file that is not here, in a
 * link or in backticks alike), and every configuration key or JVM option the Markdown names is one
 * the code still has. Checked mechanically where a mention has a recognisable form; prose is not.
 */
class DocsFactsTest {

    /** A relative path starting with {@code ../}, wherever it stands: link, backticks or prose. */
    private static final Pattern UP_PATH = Pattern.compile("(?<![\\w./-])((?:\\.\\./)+[\\w.-][\\w./-]*)");
    /** Words that named files of the machine the project was written on, never part of it. */
    private static final Pattern FOREIGN = Pattern.compile("(?i)/work/shared|\\bshared/(?:API|NOTES|STYLE)\\.md"
            + "|\\bseed scenario\\b|\\bthe seed's\\b");
    /** A code span that is a configuration key, optionally with a value: {@code a.b-c.d=1}. */
    private static final Pattern KEY_SPAN = Pattern.compile("`([a-z][a-z0-9]*(?:[.-][a-z0-9]+)*)(?:=[^`\\s]*)?`");
    private static final Pattern FILE_NAME = Pattern.compile(
            ".*\\.(md|ya?ml|xml|json|jsonl|java|properties|png|svg|puml|iuml|sql|jar|gz|tar|log|html|csv|txt|sh|mjs|js)$");
    /** A sized JVM option: {@code -Xmx160m}, {@code -Xmn48m}, {@code -Xss512k}. */
    /** A build property the root pom sets: {@code <version.kafka>4.4.0</version.kafka>}. */
    private static final Pattern POM_PROPERTY = Pattern.compile("<([a-z][a-z0-9]*(?:[.-][a-z0-9]+)+)>[^<]*</\\1>");
    private static final Pattern JAVA_PACKAGE = Pattern.compile("(?:homework|jakarta|javax?|org|com)\\.");
    private static final Pattern JVM_OPTION = Pattern.compile("-X(?:mx|ms|mn|ss)\\d+[kmgKMG]\\b");
    /**
     * A measured figure: a percentile or maximum in (milli)seconds ({@code p99 26 ms}), a rate
     * ({@code 343 orders/s}, {@code 201/s}), or a CPU cost per order ({@code 0.9 ms of CPU}).
     * Settings ({@code every 50 ms}, {@code PT2S}) are not figures.
     */
    private static final Pattern FIGURE = Pattern.compile(
            "\\b(?:p50|p95|p99|p99\\.9|median|max)(?![\\w-])[^.\\n|]{0,40}?\\b\\d+(?:\\.\\d+)? ?(?:ms|µs|s)\\b"
                    + "|(?<![\\w/])\\d+(?:\\.\\d+)? ?(?:orders|requests|events|letters|records)?/s\\b"
                    + "|\\b\\d+(?:\\.\\d+)? ?ms (?:of CPU|per order)|CPU per order[^.\\n|]{0,30}?\\b\\d+(?:\\.\\d+)? ?ms\\b",
            Pattern.CASE_INSENSITIVE);
    /** A block a command writes ({@code <!-- benchmark:begin ... --> ... <!-- benchmark:end -->}). */
    private static final Pattern GENERATED = Pattern.compile("<!-- ([\\w-]+):begin.*?<!-- \\1:end -->", Pattern.DOTALL);
    /** The one page whose figures are measurements with the command that makes them again. */
    private static final String MEASUREMENTS = "docs/performance.md";

    @Test
    void noTextPointsOutsideTheRepository() {
        List<String> problems = new ArrayList<>();
        for (Path file : textFiles()) {
            String text = Docs.read(file);
            Matcher up = UP_PATH.matcher(text);
            while (up.find()) {
                String target = up.group(1).replaceFirst("[.,;:]+$", "").replaceFirst("#.*$", "");
                Path resolved = file.getParent().resolve(target).normalize();
                if (!resolved.startsWith(Docs.root())) {
                    problems.add(where(file, text, up.start()) + ": " + target + " leaves the repository");
                } else if (!Files.exists(resolved) && !isBuildOutput(resolved)) {
                    problems.add(where(file, text, up.start()) + ": " + target + " is not in the repository");
                }
            }
            Matcher foreign = FOREIGN.matcher(text);
            while (foreign.find()) {
                problems.add(where(file, text, foreign.start()) + ": '" + foreign.group()
                        + "' names something outside the repository");
            }
        }
        assertThat(problems, is(empty()));
    }

    /**
     * A latency, rate or CPU cost is a measurement: it lives in docs/performance.md or in a block a
     * command writes (between begin and end markers), where the command that makes it again is
     * named, never copied into another text where it goes stale.
     */
    @Test
    void figuresAreQuotedOnlyWhereTheyAreMeasured() {
        List<String> problems = new ArrayList<>();
        for (Path file : textFiles()) {
            if (Docs.root().relativize(file).toString().equals(MEASUREMENTS)) {
                continue;
            }
            String text = withoutGeneratedBlocks(Docs.read(file));
            Matcher figure = FIGURE.matcher(text);
            while (figure.find()) {
                problems.add(where(file, text, figure.start()) + ": '" + figure.group() + "' is a measurement; name "
                        + MEASUREMENTS + " or the command that makes it instead");
            }
        }
        assertThat(problems, is(empty()));
    }

    /** A generated block's lines are kept as empty lines, so that a finding's line number stays right. */
    private static String withoutGeneratedBlocks(String text) {
        return GENERATED.matcher(text).replaceAll(block -> "\n".repeat((int) block.group().chars().filter(c -> c == '\n').count()));
    }

    @Test
    void everyConfigurationKeyTheDocsNameExists() {
        Set<String> known = configurationKeys();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : markdownFiles()) {
            String text = Docs.read(file);
            Matcher span = KEY_SPAN.matcher(text);
            while (span.find()) {
                String key = span.group(1);
                if (!looksLikeAKey(key)) {
                    continue;
                }
                checked++;
                if (!isKnown(key, known)) {
                    problems.add(where(file, text, span.start()) + ": `" + key
                            + "` is in no .properties, .yaml or pom.xml file and no string of the code");
                }
            }
        }
        assertThat(problems, is(empty()));
        assertThat("only " + checked + " configuration keys found in the docs: is the pattern still right?", checked,
                greaterThanOrEqualTo(3));
    }

    @Test
    void everyJvmOptionTheDocsNameIsOneTheCodeSets() {
        String code = String.join("\n", codeFiles().stream().map(DocsFactsTest::textOrEmpty).toList());
        List<String> problems = new ArrayList<>();
        for (Path file : markdownFiles()) {
            String text = Docs.read(file);
            Matcher option = JVM_OPTION.matcher(text);
            while (option.find()) {
                if (!code.contains(option.group())) {
                    problems.add(where(file, text, option.start()) + ": " + option.group() + " is set nowhere in the code");
                }
            }
        }
        assertThat(problems, is(empty()));
    }

    /**
     * "N s per try" of the registration (architecture.md, its sequence diagram) is users' REST client
     * read timeout: the time one try of opening the account waits for billing.
     */
    @Test
    void theRegistrationsTimePerTryIsUsersReadTimeout() {
        Properties users = parseProperties(Docs.root().resolve("users/src/main/resources/META-INF/microprofile-config.properties"));
        int seconds = Integer.parseInt(users.getProperty("billing/mp-rest/readTimeout")) / 1000;
        Pattern perTry = Pattern.compile("(\\d+) s per try");
        List<String> problems = new ArrayList<>();
        int found = 0;
        for (Path file : List.of(Docs.root().resolve("docs/architecture.md"), Docs.diagrams().resolve("seq-register-user.puml"))) {
            String text = Docs.read(file);
            Matcher m = perTry.matcher(text);
            while (m.find()) {
                found++;
                if (Integer.parseInt(m.group(1)) != seconds) {
                    problems.add(where(file, text, m.start()) + ": " + m.group() + ", but users' billing/mp-rest/readTimeout is "
                            + seconds + " s");
                }
            }
        }
        assertThat(problems, is(empty()));
        assertThat("the docs no longer say how long a try waits: update this test", found, greaterThanOrEqualTo(2));
    }

    /** "users and billing 64, orders and notifications 32": each service's {@code api.max-concurrent-requests}. */
    @Test
    void theRequestLimitsTheDocsNameAreTheServices() {
        Pattern limits = Pattern.compile("users\\s+and\\s+billing\\s+(\\d+),\\s+orders\\s+and\\s+notifications\\s+(\\d+)");
        List<String> problems = new ArrayList<>();
        int found = 0;
        for (Path file : markdownFiles()) {
            String text = Docs.read(file);
            Matcher m = limits.matcher(text);
            while (m.find()) {
                found++;
                for (String[] pair : new String[][] {{"users", m.group(1)}, {"billing", m.group(1)}, {"orders", m.group(2)},
                        {"notifications", m.group(2)}}) {
                    String limit = parseProperties(Docs.root().resolve(pair[0] + "/src/main/resources/META-INF/microprofile-config.properties"))
                            .getProperty("api.max-concurrent-requests");
                    if (!pair[1].equals(limit)) {
                        problems.add(where(file, text, m.start()) + ": " + pair[0] + " " + pair[1] + ", but its api.max-concurrent-requests is " + limit);
                    }
                }
            }
        }
        assertThat(problems, is(empty()));
        assertThat("the docs no longer name the request limits this way: update this test", found, greaterThanOrEqualTo(2));
    }

    @Test
    void thePatternsFindWhatTheyAreFor() {
        Matcher up = UP_PATH.matcher("see `../shared/API.md`, [x](../../up.md) and ../openapi/users.yaml.");
        List<String> found = new ArrayList<>();
        while (up.find()) {
            found.add(up.group(1));
        }
        assertThat(found, contains("../shared/API.md", "../../up.md", "../openapi/users.yaml."));
        assertThat(FOREIGN.matcher("1. Seed scenario: an order").find(), is(true));
        Matcher key = KEY_SPAN.matcher("at most `server.max-concurrent-requests=32` and `order.events`");
        assertThat(key.find(), is(true));
        assertThat(key.group(1), is("server.max-concurrent-requests"));
        assertThat(looksLikeAKey(key.group(1)), is(true));
        assertThat(key.find(), is(true));
        assertThat("a two-word name without a hyphen may be a topic or a host", looksLikeAKey(key.group(1)), is(false));
        assertThat(looksLikeAKey("outbox-relay.application.properties"), is(false));
        assertThat("a Java package", looksLikeAKey("homework.arch.platform.trace"), is(false));
        assertThat("a Java package", looksLikeAKey("jakarta.ws.rs"), is(false));
        assertThat(isKnown("delivery.timeout.ms", Set.of("debezium.sink.kafka.producer.delivery.timeout.ms")), is(true));
        assertThat(isKnown("enable.auto.commit", Set.of("ENABLE_AUTO_COMMIT_CONFIG")), is(true));
        assertThat(isKnown("server.max-concurrent-requests", Set.of("api.max-concurrent-requests")), is(false));
        assertThat(JVM_OPTION.matcher("services at `-Xmx256m`").find(), is(true));
        for (String figure : List.of("p50 60 ms", "p95 / p99 135 / 262 ms", "max 262 ms", "343 orders/s", "at 201/s",
                "about 0.9 ms of CPU per order", "CPU per order is 5.0 ms")) {
            assertThat(figure, FIGURE.matcher(figure).find(), is(true));
        }
        for (String setting : List.of("every 50 ms", "`api.max-wait` (2 s)", "max-wait (2 s", "PT2S", "100 ms apart",
                "../openapi/users.yaml")) {
            assertThat(setting, FIGURE.matcher(setting).find(), is(false));
        }
        assertThat(withoutGeneratedBlocks("a\n<!-- x:begin (w) -->\n| 343/s |\n<!-- x:end -->\nb"), is("a\n\n\n\nb"));
    }

    /** Build output ({@code target/}) exists only after a build. */
    private static boolean isBuildOutput(Path path) {
        for (Path part : Docs.root().relativize(path)) {
            if (part.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A key is known when a file sets it, when it ends a key a file sets (the docs name a Kafka
     * producer setting without Debezium's prefix), or when the code sets it through the Kafka
     * client's constant ({@code enable.auto.commit} is {@code ENABLE_AUTO_COMMIT_CONFIG}).
     */
    private static boolean isKnown(String key, Set<String> known) {
        return known.contains(key) || known.contains(key.toUpperCase().replace('.', '_') + "_CONFIG")
                || known.stream().anyMatch(k -> k.endsWith("." + key));
    }

    /** A dotted name with three or more parts, or with a hyphen: {@code a.b.c}, {@code api.max-x}. */
    private static boolean looksLikeAKey(String span) {
        return span.contains(".") && !JAVA_PACKAGE.matcher(span).lookingAt() && !FILE_NAME.matcher(span).matches()
                && (span.split("\\.").length >= 3 || span.contains("-"));
    }

    /** Keys of every .properties file, dotted paths of every YAML mapping, and string literals of main code. */
    private static Set<String> configurationKeys() {
        Set<String> keys = new HashSet<>();
        Pattern literal = Pattern.compile("\"([a-z][a-z0-9.-]*)\"|\\b([A-Z][A-Z0-9_]*_CONFIG)\\b");
        for (Path file : Docs.checkout()) {
            String name = file.getFileName().toString();
            if (name.endsWith(".properties")) {
                Properties properties = new Properties();
                properties.putAll(parseProperties(file));
                properties.stringPropertyNames().forEach(keys::add);
            } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                try {
                    for (Object doc : new Yaml().loadAll(Docs.read(file))) {
                        flatten("", doc, keys);
                    }
                } catch (RuntimeException e) {
                    // a Helm template is not YAML until rendered; its keys are in values.yaml
                }
            } else if (name.equals("pom.xml")) {
                Matcher property = POM_PROPERTY.matcher(Docs.read(file));
                while (property.find()) {
                    keys.add(property.group(1));
                }
            } else if (name.endsWith(".java") && file.toString().contains("/src/main/")) {
                Matcher m = literal.matcher(Docs.read(file));
                while (m.find()) {
                    keys.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        return keys;
    }

    private static Properties parseProperties(Path file) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = prefix + e.getKey();
                keys.add(key);
                flatten(key + ".", e.getValue(), keys);
            }
        }
    }

    /** README.md of the root and of every module, docs/*.md. */
    private static List<Path> markdownFiles() {
        return Docs.checkout().stream().filter(f -> f.getFileName().toString().endsWith(".md")).toList();
    }

    /** Everything a reader reads: Markdown, OpenAPI and AsyncAPI, diagrams, POMs, the collection, scripts. */
    private static List<Path> textFiles() {
        Pattern text = Pattern.compile(".*\\.(md|ya?ml|puml|iuml|xml|properties)$|postman_collection\\.json$");
        return Docs.checkout().stream().filter(f -> text.matcher(f.getFileName().toString()).matches()
                || f.getParent().equals(Docs.root().resolve("stack"))).toList();
    }

    /** What sets JVM options: sources, scripts, the chart and the configuration. */
    /** A file's text, or nothing for a binary file (an image, a transaction log a test left behind). */
    private static String textOrEmpty(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> codeFiles() {
        return Docs.checkout().stream().filter(f -> !f.getFileName().toString().endsWith(".md")).toList();
    }

    private static String where(Path file, String text, int offset) {
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        return Docs.root().relativize(file) + ":" + line;
    }

    @Test
    void theWalkSeesTheDocsAndLeavesBuildOutputOut() {
        Set<String> names = new TreeSet<>();
        Docs.checkout().forEach(f -> names.add(Docs.root().relativize(f).toString()));
        assertThat(names, hasItems("README.md", "docs/guarantees.md", "users/README.md"));
        assertThat(names, not(hasItem(containsString("/target/"))));
        assertThat(names, not(hasItem(containsString("node_modules"))));
    }
}
