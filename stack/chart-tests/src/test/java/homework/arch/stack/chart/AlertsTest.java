package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isIn;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * helm/files/prometheus-rules.yaml becomes the PrometheusRule, and every alert in it says how bad it
 * is, what happened, and which section of docs/operations.md tells what to do.
 */
class AlertsTest {

    private static final String RUNBOOKS = "https://docs.example.com/arch/operations";
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4} (.+)$");

    @Test
    void thePrometheusRuleIsTheRuleFileWithTheRunbookUrlsOfTheValue() throws IOException {
        assertThat("none by default", rules(Chart.render()), is(empty()));
        List<GenericKubernetesResource> rendered = rules(Chart.render(Map.of("metrics.prometheusRule.enabled", true,
                "metrics.prometheusRule.runbookUrl", RUNBOOKS)));
        assertThat(rendered.size(), is(1));
        String file = Files.readString(RepoRoot.resolve("helm/files/prometheus-rules.yaml"))
                .replace("runbook_url: docs/operations.md#", "runbook_url: " + RUNBOOKS + "#");
        Object expected = new Yaml().load(file);
        assertThat(rendered.getFirst().getAdditionalProperties().get("spec"), is(expected));
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbookSectionThatExists() throws IOException {
        Set<String> sections = sections(Files.readString(RepoRoot.resolve("docs/operations.md")));
        List<Map<String, Object>> alerts = alerts();
        assertThat(alerts, is(not(empty())));
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) alert.get("labels");
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) alert.get("annotations");
            assertThat(name, labels.get("severity"), isIn(List.of("warning", "critical")));
            assertThat(name + " has a summary", annotations.getOrDefault("summary", "").isBlank(), is(false));
            String runbook = annotations.get("runbook_url");
            assertThat(name, runbook, startsWith("docs/operations.md#"));
            assertThat(name + ": no such section in docs/operations.md", sections,
                    hasItem(runbook.substring(runbook.indexOf('#') + 1)));
        }
    }

    @Test
    void thePromQlReaderFindsTheMetricsNotTheFunctionsLabelsOrVariables() {
        assertThat(PromQl.metricNames("sum by (namespace, app) (rate(api_responses_total{status_class=\"5xx\"}[5m]))"
                        + " / sum by (namespace, app) (rate(api_responses_total[$__rate_interval])) > 0.05"),
                is(Set.of("api_responses_total")));
        assertThat(PromQl.metricNames("up{job=\"x\"} == 0 or absent(debezium_metrics_Connected) or max(a:b) * 1e6"),
                is(Set.of("up", "debezium_metrics_Connected", "a:b")));
    }

    /** The alerts of helm/files/prometheus-rules.yaml, every group's. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alerts() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RepoRoot.resolve("helm/files/prometheus-rules.yaml")));
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            alerts.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return alerts;
    }

    /** GitHub's anchors of the Markdown headings: lower case, spaces to hyphens, punctuation dropped. */
    private static Set<String> sections(String markdown) {
        Set<String> anchors = new TreeSet<>();
        Matcher heading = HEADING.matcher(markdown);
        while (heading.find()) {
            anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        return anchors;
    }

    private static List<GenericKubernetesResource> rules(Rendered rendered) {
        return rendered.all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("PrometheusRule") && r.getApiVersion().equals("monitoring.coreos.com/v1"))
                .toList();
    }
}
