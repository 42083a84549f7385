package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.SecuredListener;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external Kafka that needs TLS and SASL (kafka.external, Strimzi's Secrets as the example):
 * every Kafka client of the release (the services, the relays, the topic's creation) gets the same
 * settings, the JAAS line and the CA certificate from the user's Secrets; with the defaults none
 * gets any. The topic's creation script, run with bash on what the chart gives it, logs in to a
 * real Kafka that needs TLS and SCRAM-SHA-512.
 */
class KafkaSecurityTest {

    static final Map<String, Object> STRIMZI = Map.of(
            "kafka.enabled", false,
            "kafka.external.bootstrapServers", "events-kafka-bootstrap.kafka:9093",
            "kafka.external.securityProtocol", "SASL_SSL",
            "kafka.external.sasl.mechanism", "SCRAM-SHA-512",
            "kafka.external.sasl.jaasConfig.secretName", "arch-kafka-user",
            "kafka.external.caCert.secretName", "events-cluster-ca-cert");
    /** The kafka-clients settings the chart gives, each as a variable ({@link #variable}). */
    static final List<String> SETTINGS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.type", "ssl.truststore.location");

    @TempDir
    Path work;

    @Test
    void everyKafkaClientOfEitherStyleGetsTheSettingsAndTheSecrets() {
        for (String style : List.of("http-broker", "event-collaboration")) {
            Map<String, Object> values = new HashMap<>(STRIMZI);
            values.put("style", style);
            List<String> clients = new ArrayList<>();
            Chart.render(values).podTemplates().forEach((workload, pod) -> kafkaClients(pod).forEach(client -> {
                String where = style + " " + workload + " " + client.getName();
                clients.add(where);
                Map<String, EnvVar> env = ServiceConfigTest.env(client);
                assertThat(where, env.get("KAFKA_BOOTSTRAP_SERVERS").getValue(), is("events-kafka-bootstrap.kafka:9093"));
                assertThat(where, env.get("KAFKA_SECURITY_PROTOCOL").getValue(), is("SASL_SSL"));
                assertThat(where, env.get("KAFKA_SASL_MECHANISM").getValue(), is("SCRAM-SHA-512"));
                SecretKeySelector jaas = env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef();
                assertThat(where, jaas.getName() + "/" + jaas.getKey(), is("arch-kafka-user/sasl.jaas.config"));
                assertThat(where, env.get("KAFKA_SSL_TRUSTSTORE_TYPE").getValue(), is("PEM"));
                assertThat(where, secretFileAt(pod, client, env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").getValue()),
                        is("events-cluster-ca-cert/ca.crt"));
            }));
            List<String> expected = style.equals("http-broker")
                    ? List.of("arch-notifications", "arch-outbox-relay")
                    : List.of("arch-billing", "arch-orders", "arch-notifications", "arch-outbox-relay",
                    "arch-outbox-relay-users", "arch-outbox-relay-billing");
            for (String workload : expected) {
                assertThat(clients.toString(), clients.contains(style + " " + workload + " create-topic"), is(true));
            }
        }
    }

    @Test
    void withTheDefaultsNoClientGetsAnySecuritySetting() {
        for (Rendered rendered : List.of(Chart.render(), Chart.render(Map.of("style", "event-collaboration")),
                Chart.render(Map.of("kafka.enabled", false, "kafka.external.bootstrapServers", "kafka.example:9092")))) {
            List<String> set = new ArrayList<>();
            rendered.podTemplates().forEach((workload, pod) -> {
                kafkaClients(pod).forEach(client -> Rendered.envNames(client)
                        .filter(KafkaSecurityTest::isSecuritySetting).forEach(name -> set.add(workload + " " + name)));
                pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals("kafka-ca"))
                        .forEach(v -> set.add(workload + " " + v.getName()));
            });
            assertThat(set, is(empty()));
        }
    }

    /** Each variable the chart sets is one setting of the relay's producer, read from that variable. */
    @Test
    void theRelayConfigurationReadsEverySettingFromItsVariable() throws IOException {
        Properties relay = new Properties();
        try (Reader in = Files.newBufferedReader(RepoRoot.resolve("outbox-relay/application.properties"))) {
            relay.load(in);
        }
        List<String> variables = Rendered.envNames(Chart.render(STRIMZI).container("arch-outbox-relay"))
                .filter(KafkaSecurityTest::isSecuritySetting).toList();
        assertThat(variables, is(SETTINGS.stream().map(KafkaSecurityTest::variable).toList()));
        for (String setting : SETTINGS) {
            assertThat(setting, relay.getProperty("debezium.sink.kafka.producer." + setting),
                    containsString("${" + variable(setting) + ":"));
        }
    }

    @Test
    void theTopicsCreationLogsInWithTheSettingsAndARealBrokerTakesThem() throws Exception {
        SecuredListener listener = SecuredListener.create(Ports.free(), work.resolve("tls"));
        try (Kafka kafka = Kafka.start(work.resolve("kafka"), Ports.free(), Ports.free(), listener, work.resolve("logs"))) {
            kafka.addUser("arch", "right");
            Properties right = commandConfig(listener, "right");
            assertThat(right.stringPropertyNames(), is(new HashSet<>(SETTINGS)));
            createTopic(listener, right, "order.events");
            assertThat(kafka.topics().contains("order.events"), is(true));

            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> createTopic(listener, commandConfig(listener, "wrong"), "user.events"));
            assertThat(refused.getCause() instanceof SaslAuthenticationException, is(true));
        }
    }

    @Test
    void theSchemaRefusesIncompleteOrMisplacedSettings() {
        Map<String, Object> noMechanism = new HashMap<>(STRIMZI);
        noMechanism.remove("kafka.external.sasl.mechanism");
        Map<String, Object> noJaas = new HashMap<>(STRIMZI);
        noJaas.remove("kafka.external.sasl.jaasConfig.secretName");
        Map<String, Object> caWithoutTls = new HashMap<>(STRIMZI);
        caWithoutTls.put("kafka.external.securityProtocol", "SASL_PLAINTEXT");
        // The relay's producer cannot fall back to the JVM's CAs: its trust store location is "" when unset.
        Map<String, Object> tlsWithoutCa = new HashMap<>(STRIMZI);
        tlsWithoutCa.remove("kafka.external.caCert.secretName");
        Map<String, Object> bundled = Map.of("kafka.external.securityProtocol", "SSL");
        Map<String, Object> unknown = Map.of("kafka.enabled", false, "kafka.external.bootstrapServers", "k:9092",
                "kafka.external.securityProtocol", "TLS");
        for (Map<String, Object> values : List.of(noMechanism, noJaas, caWithoutTls, tlsWithoutCa, bundled, unknown)) {
            assertThrows(IllegalStateException.class, () -> Chart.render(values), values.toString());
        }
    }

    /** Containers that talk to Kafka: those given its address. */
    private static List<Container> kafkaClients(PodTemplateSpec pod) {
        return Rendered.allContainers(pod).stream()
                .filter(c -> Rendered.envNames(c).anyMatch("KAFKA_BOOTSTRAP_SERVERS"::equals)).toList();
    }

    /** "secret/key" of the Secret file mounted at {@code path} in the container. */
    private static String secretFileAt(PodTemplateSpec pod, Container container, String path) {
        VolumeMount mount = container.getVolumeMounts().stream().filter(m -> path.startsWith(m.getMountPath() + "/"))
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at " + path));
        Volume volume = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow();
        String file = path.substring(mount.getMountPath().length() + 1);
        String key = volume.getSecret().getItems().stream().filter(i -> i.getPath().equals(file)).findFirst()
                .orElseThrow().getKey();
        return volume.getSecret().getSecretName() + "/" + key;
    }

    /**
     * Runs the create-topic script as rendered, with a stand-in for kafka-topics.sh that keeps the
     * file its --command-config names, the Secrets' keys given as Kubernetes would (the JAAS line of
     * user arch with {@code password}; the CA certificate as a file in a folder at the mount path).
     */
    private Properties commandConfig(SecuredListener listener, String password) throws IOException, InterruptedException {
        PodTemplateSpec pod = Chart.render(STRIMZI).podTemplates().get("arch-outbox-relay");
        Container init = pod.getSpec().getInitContainers().getFirst();
        Path kept = work.resolve("command-config-" + password + ".properties");
        Path stub = work.resolve("kafka-topics.sh");
        Files.writeString(stub, """
                #!/bin/bash
                while [ $# -gt 0 ]; do [ "$1" = --command-config ] && cp "$2" "$KEPT"; shift; done
                """);
        String caFolder = listener.caCert().getParent().toString();
        String mountPath = init.getVolumeMounts().stream().filter(m -> m.getName().equals("kafka-ca")).findFirst()
                .orElseThrow().getMountPath();
        String script = init.getArgs().getFirst().replace("/tmp/", work + "/")
                .replace("/opt/kafka/bin/kafka-topics.sh", "bash " + stub);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : init.getEnv()) {
            String value = var.getValueFrom() != null
                    ? listener.clientSettings("arch", password).get("sasl.jaas.config")
                    : var.getValue().replace(mountPath, caFolder);
            env.put(var.getName(), value);
        }
        env.put("KEPT", kept.toString());
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        bash.environment().putAll(env);
        Process process = bash.start();
        // The script retries until its command succeeds: a stand-in that fails would never end.
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the create-topic script did not end");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output, process.exitValue(), is(0));
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(kept)) {
            config.load(in);
        }
        return config;
    }

    private static void createTopic(SecuredListener listener, Properties config, String topic) throws Exception {
        Map<String, Object> admin = new HashMap<>();
        config.stringPropertyNames().forEach(name -> admin.put(name, config.getProperty(name)));
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, listener.bootstrapServers());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** A variable of {@link #SETTINGS}: KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_..., KAFKA_SSL_... */
    static boolean isSecuritySetting(String variable) {
        return variable.matches("KAFKA_(SECURITY|SASL|SSL)_.*");
    }

    private static String variable(String setting) {
        return "KAFKA_" + setting.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
