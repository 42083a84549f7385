package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * helm/files/grafana-dashboard.json is a dashboard Grafana imports, on a Prometheus data source chosen
 * at import, and it queries only metrics that exist: those the services register, or those the
 * relay's exporter serves (outbox-relay/metrics.yml; RelayIT scrapes each one from the real relay).
 */
class DashboardTest {

    private static final String DATASOURCE = "${DS_PROMETHEUS}";
    /** A metric registered in a service's or the platform's code: registry.counter("a.b", ...). */
    private static final Pattern REGISTERED = Pattern.compile("\\.(counter|gauge|timer)\\(\\s*\"([a-z][a-z0-9_.]*)\"");
    /** {@code registry.counter(prefix + ".events.parked"} in platform's ConsumerMetrics. */
    private static final Pattern PREFIXED = Pattern.compile("registry\\.(counter|gauge|timer)\\(prefix \\+ \"([a-z_.]+)\"");
    /** A subscription's {@code metricPrefix()}: the literal it returns. */
    private static final Pattern METRIC_PREFIX = Pattern.compile("String metricPrefix\\(\\) \\{\\s*return \"([a-z_.]+)\";");
    private static final Pattern RELAY = Pattern.compile("(debezium_metrics|kafka_producer_metrics)_(\\w+)");

    @Test
    void itIsAGrafanaDashboardOnThePrometheusChosenAtImport() throws IOException {
        JsonNode dashboard = dashboard();
        assertThat(dashboard.path("title").asText().isBlank(), is(false));
        List<String> variables = new ArrayList<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            variables.add(variable.path("type").asText() + " " + variable.path("name").asText() + " " + variable.path("query").asText());
        }
        assertThat(variables, hasItem("datasource DS_PROMETHEUS prometheus"));
        List<JsonNode> panels = panels(dashboard);
        assertThat(panels, is(not(empty())));
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(title, panel.path("datasource").path("uid").asText(), is(DATASOURCE));
            assertThat(title + " queries something", panel.path("targets").isEmpty(), is(false));
            for (JsonNode target : panel.path("targets")) {
                assertThat(title, target.path("datasource").path("uid").asText(), is(DATASOURCE));
                assertThat(title, target.path("expr").asText().isBlank(), is(false));
            }
        }
    }

    @Test
    void everyQueriedMetricIsRegisteredByAServiceOrServedByTheRelay() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (JsonNode panel : panels(dashboard())) {
            for (JsonNode target : panel.path("targets")) {
                unknownMetrics(target.path("expr").asText()).forEach(m -> unknown.add(panel.path("title").asText() + ": " + m));
            }
        }
        assertThat("metrics nothing exports", unknown, is(empty()));
    }

    /**
     * The metrics {@code expr} reads that nothing exports: not registered by the services' or the
     * platform's code, not served by the relay's exporter (outbox-relay/metrics.yml), and not
     * Prometheus' own {@code up}.
     */
    static List<String> unknownMetrics(String expr) throws IOException {
        Set<String> known = registered();
        String exporter = Files.readString(RepoRoot.resolve("outbox-relay/metrics.yml"));
        List<String> unknown = new ArrayList<>();
        for (String metric : PromQl.metricNames(expr)) {
            Matcher relay = RELAY.matcher(metric);
            boolean served = relay.matches() && (exporter.contains(relay.group(2))
                    || exporter.contains(relay.group(2).replaceFirst("_total$", "").replace('_', '-')));
            if (!served && !known.contains(metric) && !metric.equals("up")) {
                unknown.add(metric);
            }
        }
        return unknown;
    }

    @Test
    void grafanasSidecarFindsItInAConfigMapWhenAsked() throws IOException {
        assertThat(Chart.render().objects().stream().filter(o -> o instanceof ConfigMap c
                && c.getMetadata().getLabels().containsKey("grafana_dashboard")).count(), is(0L));
        ConfigMap config = Chart.render(Map.of("metrics.grafanaDashboard.enabled", true))
                .named(ConfigMap.class, "arch-grafana-dashboard");
        assertThat(config.getMetadata().getLabels().get("grafana_dashboard"), is("1"));
        assertThat(new ObjectMapper().readTree(config.getData().get("grafana-dashboard.json")), is(dashboard()));
    }

    /** Prometheus names of the metrics the services' and the platform's code registers. */
    static Set<String> registered() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : List.of("platform", "users", "billing", "orders", "notifications")) {
            try (Stream<Path> files = Files.walk(RepoRoot.resolve(module + "/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher registration = REGISTERED.matcher(Files.readString(file));
                    while (registration.find()) {
                        add(names, registration.group(1), registration.group(2));
                    }
                }
            }
        }
        names.addAll(consumerMetrics());
        return names;
    }

    private static void add(Set<String> names, String kind, String dotted) {
        String name = dotted.replace('.', '_');
        switch (kind) {
            case "counter" -> names.add(name + "_total");
            case "timer" -> names.addAll(List.of(name + "_seconds", name + "_seconds_count",
                    name + "_seconds_sum", name + "_seconds_max"));
            default -> names.add(name);
        }
    }

    /**
     * The metrics platform's consumer registers for each subscription: {@code ConsumerMetrics}'
     * {@code registry.counter(prefix + ".events.parked")} and its kin, under the prefix each
     * subscription's {@code metricPrefix()} returns.
     */
    private static Set<String> consumerMetrics() throws IOException {
        String consumer = Files.readString(RepoRoot.resolve(
                "platform/src/main/java/homework/arch/platform/messaging/ConsumerMetrics.java"));
        Set<String> prefixes = new TreeSet<>();
        for (String module : List.of("users", "billing", "orders", "notifications")) {
            try (Stream<Path> files = Files.walk(RepoRoot.resolve(module + "/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher prefix = METRIC_PREFIX.matcher(Files.readString(file));
                    while (prefix.find()) {
                        prefixes.add(prefix.group(1));
                    }
                }
            }
        }
        Set<String> names = new TreeSet<>();
        Matcher suffix = PREFIXED.matcher(consumer);
        while (suffix.find()) {
            for (String prefix : prefixes) {
                add(names, suffix.group(1), prefix + suffix.group(2));
            }
        }
        return names;
    }

    private static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(RepoRoot.resolve("helm/files/grafana-dashboard.json").toFile());
    }

    /** The panels that query, rows left out. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                panels.add(panel);
            }
        }
        return panels;
    }
}
