package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Grafana dashboard's panels, read from its JSON (helm/files/grafana-dashboard.json), as Grafana
 * would query them: each target's PromQL with the dashboard's variables replaced ({@link #promql}),
 * each series named by the target's {@code legendFormat} ({@link #legend}).
 */
record Dashboard(String title, List<Dashboard.Panel> panels) {

    /** {@code $name} or {@code ${name}}: a dashboard variable (Grafana's built-ins start with two underscores). */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
    /** {@code {{label}}} in a legend format, spaces inside the braces allowed. */
    private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

    /** One query of a panel. */
    record Query(String expr, String legendFormat) {
    }

    /**
     * A panel in the dashboard's 24-column grid ({@code gridPos}); a {@code row} panel is a heading and
     * queries nothing. {@code unit} is Grafana's unit of its values ({@code ops}, {@code bytes}, ...),
     * {@code textMode} a stat panel's ({@code name}: it shows the series' names).
     */
    record Panel(String type, String title, String unit, String textMode, int x, int y, int width, int height,
                 List<Query> queries) {

        boolean isRow() {
            return type.equals("row");
        }

        boolean isStat() {
            return type.equals("stat");
        }
    }

    static Dashboard read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dashboard parse(String json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            List<Panel> panels = new ArrayList<>();
            for (JsonNode panel : root.path("panels")) {
                List<Query> queries = new ArrayList<>();
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(target.path("expr").asText(), target.path("legendFormat").asText("")));
                }
                JsonNode grid = panel.path("gridPos");
                panels.add(new Panel(panel.path("type").asText(), panel.path("title").asText(),
                        panel.path("fieldConfig").path("defaults").path("unit").asText("short"),
                        panel.path("options").path("textMode").asText("auto"), grid.path("x").asInt(),
                        grid.path("y").asInt(), grid.path("w").asInt(24), grid.path("h").asInt(8), queries));
            }
            return new Dashboard(root.path("title").asText(), panels);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a dashboard's JSON", e);
        }
    }

    /** The panels that query something: all but the rows, in the dashboard's order. */
    List<Panel> charts() {
        return panels.stream().filter(p -> !p.isRow()).toList();
    }

    /**
     * {@code expr} with each dashboard variable replaced by its value in {@code variables} (without
     * the {@code $}); a variable that has none is refused, since Prometheus would refuse the query.
     */
    static String promql(String expr, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = variables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("The query " + expr + " uses $" + name + ", which has no value here");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /**
     * A series' name as Grafana shows it: {@code legendFormat} with each {@code {{label}}} replaced by
     * the series' value of it (nothing if it has none), or, without a format, the label set.
     */
    static String legend(String legendFormat, Map<String, String> labels) {
        if (legendFormat == null || legendFormat.isBlank() || legendFormat.equals("__auto")) {
            return labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        Matcher m = LEGEND_LABEL.matcher(legendFormat);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(out).toString();
    }
}
