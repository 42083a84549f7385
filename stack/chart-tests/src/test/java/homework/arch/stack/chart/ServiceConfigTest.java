package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every variable that docs/development.md says a component reads, and every variable the relay's
 * configuration file refers to, is set in the rendered containers, and points where it should.
 */
class ServiceConfigTest {

    private static final Pattern BACKTICKED = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\\\)\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(:[^}]*)?}");

    @Test
    void everyDocumentedVariableIsSet() throws IOException {
        Map<String, Set<String>> documented = documentedVariables();
        assertThat(documented.keySet(), is(Set.of("users", "billing", "orders", "notifications", "outbox-relay")));
        for (Rendered rendered : List.of(Chart.render(), Chart.renderOverridden())) {
            List<String> unset = new ArrayList<>();
            documented.forEach((component, names) -> {
                Map<String, EnvVar> env = env(rendered.container("arch-" + component));
                for (String name : names) {
                    if (!isSet(env.get(name))) {
                        unset.add(component + " " + name);
                    }
                }
            });
            assertThat(unset, is(empty()));
        }
    }

    /**
     * The services' own configuration files hold local defaults (127.0.0.1, local ports) that are
     * wrong in a pod, and placeholders without a default: each must be overridden by its
     * environment variable (MicroProfile Config: users.url -> USERS_URL).
     */
    @Test
    void everyLocalOnlySettingOfAServiceIsOverridden() throws IOException {
        Rendered rendered = Chart.render();
        List<String> unset = new ArrayList<>();
        for (String service : WorkloadsTest.SERVICES) {
            Path file = RepoRoot.resolve(service + "/src/main/resources/META-INF/microprofile-config.properties");
            Properties config = new Properties();
            try (var in = Files.newInputStream(file)) {
                config.load(in);
            }
            Map<String, EnvVar> env = env(rendered.container("arch-" + service));
            Set<String> keys = new LinkedHashSet<>();
            config.stringPropertyNames().forEach(key -> {
                String value = config.getProperty(key);
                if (value.contains("127.0.0.1") || value.contains("localhost") || key.startsWith("server.")) {
                    keys.add(key);
                }
                Matcher placeholders = PLACEHOLDER.matcher(value);
                while (placeholders.find()) {
                    if (placeholders.group(2) == null && !config.containsKey(placeholders.group(1))) {
                        keys.add(placeholders.group(1));
                    }
                }
            });
            for (String key : keys) {
                if (key.contains("/mp-rest/")) {
                    continue; // REST client URLs read their own *.url key, checked as that key
                }
                String name = key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
                if (!isSet(env.get(name))) {
                    unset.add(service + ": " + key + " needs " + name);
                }
            }
        }
        assertThat(unset, is(empty()));
    }

    @Test
    void everyVariableTheRelayConfigurationUsesIsSet() throws IOException {
        String config = Files.readString(RepoRoot.resolve("outbox-relay/application.properties"));
        Matcher placeholders = PLACEHOLDER.matcher(config);
        Map<String, EnvVar> env = env(Chart.render().container("arch-outbox-relay"));
        Set<String> used = new LinkedHashSet<>();
        while (placeholders.find()) {
            used.add(placeholders.group(1));
        }
        assertThat("the relay configuration reads no variable?", used, not(empty()));
        // Local defaults (127.0.0.1, local ports) are wrong in a pod: all must be set, defaults or not;
        // but those of a Kafka that needs TLS or SASL, set only for one (KafkaSecurityTest).
        assertThat(used.stream().filter(name -> !isSet(env.get(name)) && !KafkaSecurityTest.isSecuritySetting(name))
                .map(name -> "relay " + name).toList(), is(empty()));
        assertThat(env.get("DEBEZIUM_HTTP_HOST").getValue(), is("0.0.0.0"));
        assertThat(env.get("DEBEZIUM_HTTP_PORT").getValue(), is("8080"));
        assertThat(env.get("DEBEZIUM_DATA_DIR").getValue(), is("/debezium/data"));
    }

    @Test
    void variablesPointAtTheRightPlaces() {
        Rendered rendered = Chart.render();
        String postgres = rendered.named(Service.class, "arch-postgres").getMetadata().getName();
        for (String service : WorkloadsTest.SERVICES) {
            Map<String, EnvVar> env = env(rendered.container("arch-" + service));
            assertThat(env.get("DB_URL").getValue(), is("jdbc:postgresql://" + postgres + ":5432/" + service));
            assertThat(env.get("DB_USER").getValue(), is(service));
            assertThat(env.get("SERVER_HOST").getValue(), is("0.0.0.0"));
            assertThat(env.get("SERVER_PORT").getValue(), is("8080"));
        }
        String billing = "http://" + rendered.named(Service.class, "arch-billing").getMetadata().getName();
        assertThat(env(rendered.container("arch-users")).get("BILLING_URL").getValue(), is(billing));
        assertThat(env(rendered.container("arch-orders")).get("BILLING_URL").getValue(), is(billing));
        assertThat(env(rendered.container("arch-orders")).get("USERS_URL").getValue(), is("http://arch-users"));
        assertThat(rendered.named(Service.class, "arch-billing").getSpec().getPorts().getFirst().getPort(), is(80));

        Map<String, EnvVar> notifications = env(rendered.container("arch-notifications"));
        Map<String, EnvVar> relay = env(rendered.container("arch-outbox-relay"));
        assertThat(notifications.get("KAFKA_BOOTSTRAP_SERVERS").getValue(), is("arch-kafka:9092"));
        assertThat(relay.get("KAFKA_BOOTSTRAP_SERVERS").getValue(), is("arch-kafka:9092"));
        assertThat(rendered.named(Service.class, "arch-kafka").getSpec().getPorts().getFirst().getPort(), is(9092));
        assertThat(notifications.get("ORDER_EVENTS_TOPIC").getValue(), is("order.events"));
        assertThat(relay.get("RELAY_DB_HOST").getValue(), is(postgres));
        assertThat(relay.get("RELAY_DB_NAME").getValue(), is("orders"));
        assertThat(relay.get("RELAY_DB_USER").getValue(), is("relay"));
    }

    @Test
    void theTopicIsCreatedBeforeItsProducerAndConsumerStart() {
        Rendered rendered = Chart.renderOverridden();
        for (String workload : List.of("arch-notifications", "arch-outbox-relay")) {
            Container init = rendered.podTemplates().get(workload).getSpec().getInitContainers().stream()
                    .filter(c -> c.getName().equals("create-topic")).findFirst().orElseThrow();
            Map<String, EnvVar> env = env(init);
            assertThat(workload, env.get("TOPICS").getValue(), is("order.events"));
            assertThat(workload, env.get("PARTITIONS").getValue(), is("6"));
            assertThat(workload, String.join(" ", init.getArgs()), containsString("--create --if-not-exists"));
        }
    }

    @Test
    void inStyleThreeEveryTopicIsCreatedBeforeItsProducersAndConsumersStart() {
        Rendered rendered = Chart.render(Map.of("style", "event-collaboration"));
        for (String workload : List.of("arch-billing", "arch-orders", "arch-notifications", "arch-outbox-relay",
                "arch-outbox-relay-users", "arch-outbox-relay-billing")) {
            Container init = rendered.podTemplates().get(workload).getSpec().getInitContainers().stream()
                    .filter(c -> c.getName().equals("create-topic")).findFirst().orElseThrow();
            assertThat(workload, env(init).get("TOPICS").getValue(), is("user.events payment.events order.events"));
        }
        assertThat(rendered.podTemplates().get("arch-users").getSpec().getInitContainers(), is(empty()));
    }

    @Test
    void kafkaAdvertisesTheAddressClientsReachItBy() {
        Rendered rendered = Chart.render();
        String properties = rendered.named(io.fabric8.kubernetes.api.model.ConfigMap.class, "arch-kafka")
                .getData().get("server.properties");
        assertThat(properties,
                containsString("advertised.listeners=PLAINTEXT://arch-kafka." + Chart.NAMESPACE + ".svc:9092"));
        assertThat(properties, containsString("process.roles=broker,controller"));
    }

    /** The configuration table of docs/development.md: component -> variable names. */
    static Map<String, Set<String>> documentedVariables() throws IOException {
        String docs = Files.readString(RepoRoot.resolve("docs/development.md"));
        String section = docs.substring(docs.indexOf("## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        Map<String, Set<String>> variables = new LinkedHashMap<>();
        for (String line : section.lines().filter(l -> l.startsWith("| ") && l.contains("`")).toList()) {
            String[] cells = line.split("\\|");
            String who = cells[1].trim();
            List<String> components = who.equals("all four") ? WorkloadsTest.SERVICES : List.of(who);
            Matcher names = BACKTICKED.matcher(cells[2]);
            while (names.find()) {
                String name = names.group(1);
                components.forEach(c -> variables.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(name));
            }
        }
        return variables;
    }

    static Map<String, EnvVar> env(Container container) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }

    private static boolean isSet(EnvVar var) {
        return var != null && ((var.getValue() != null && !var.getValue().isBlank()) || var.getValueFrom() != null);
    }
}
