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
 * at import, and it queries only metrics that exist: those the services register, those the relay's
 * exporter serves (outbox-relay/metrics.yml; RelayIT scrapes each one from the real relay), or those
 * the alerts read.
 */
class DashboardTest {

    private static final String DATASOURCE = "${DS_PROMETHEUS}";
    /** A metric registered in a service's or the platform's code: registry.counter("a.b", ...). */
    private static final Pattern REGISTERED = Pattern.compile("\\.(counter|gauge|timer)\\(\\s*\"([a-z][a-z0-9_.]*)\"");
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
    void everyQueriedMetricIsRegisteredServedByTheRelayOrReadByTheAlerts() throws IOException {
        Set<String> known = new TreeSet<>(registered());
        for (Map<String, Object> alert : AlertsTest.alerts()) {
            known.addAll(PromQl.metricNames((String) alert.get("expr")));
        }
        String exporter = Files.readString(RepoRoot.resolve("outbox-relay/metrics.yml"));
        List<String> unknown = new ArrayList<>();
        for (JsonNode panel : panels(dashboard())) {
            for (JsonNode target : panel.path("targets")) {
                for (String metric : PromQl.metricNames(target.path("expr").asText())) {
                    Matcher relay = RELAY.matcher(metric);
                    boolean served = relay.matches() && (exporter.contains(relay.group(2))
                            || exporter.contains(relay.group(2).replaceFirst("_total$", "").replace('_', '-')));
                    if (!served && !known.contains(metric)) {
                        unknown.add(panel.path("title").asText() + ": " + metric);
                    }
                }
            }
        }
        assertThat("metrics nothing exports; known: " + known, unknown, is(empty()));
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
                        String name = registration.group(2).replace('.', '_');
                        switch (registration.group(1)) {
                            case "counter" -> names.add(name + "_total");
                            case "timer" -> names.addAll(List.of(name + "_seconds", name + "_seconds_count",
                                    name + "_seconds_sum", name + "_seconds_max"));
                            default -> names.add(name);
                        }
                    }
                }
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
