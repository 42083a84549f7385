package homework.arch.stack.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The interaction styles measured side by side, in docs/interaction-styles.md between {@link #BEGIN}
 * and {@link #END}: one row per style, the latest run published in it ({@link Publish}). A run
 * writes its own style's row, in place, or last if the style has none, and keeps the other styles'
 * rows as they are; whatever else stands between the markers is replaced by the table.
 */
final class StylesTable {

    static final String DOC = "docs/interaction-styles.md";
    static final String BEGIN = "<!-- styles-benchmark:begin (written by stack/benchmark/run --style S --publish; edits here are lost) -->";
    static final String END = "<!-- styles-benchmark:end -->";
    static final String HEADER = """
            | style | run | closed model | saturation | pipeline saturation | saturation / database limit (pgbench) \
            | POST /orders p50 / p99 at the fixed rate | order settled after p50 / p99 \
            | order → letter lag p50 / p99 (signed) | CPU per order, all but the load generator \
            | top three processes, CPU per order |
            |---|---|---|---|---|---|---|---|---|---|---|
            """;
    /** How many processes the last column names. */
    static final int TOP = 3;

    private StylesTable() {
    }

    /** {@code doc} with the table between the markers holding {@code row} as {@code style}'s, the other rows kept. */
    static String withRow(String doc, String style, String row) {
        int from = doc.indexOf(BEGIN);
        int to = doc.indexOf(END);
        if (from < 0 || to < from) {
            throw new IllegalStateException(DOC + " has no " + BEGIN + " ... " + END + " section");
        }
        List<String> rows = new ArrayList<>();
        boolean replaced = false;
        for (String line : doc.substring(from + BEGIN.length(), to).lines().toList()) {
            if (!line.startsWith("|") || line.startsWith("|---") || styleOf(line).equals("style")) {
                continue;
            }
            if (styleOf(line).equals(style)) {
                rows.add(row);
                replaced = true;
            } else {
                rows.add(line);
            }
        }
        if (!replaced) {
            rows.add(row);
        }
        return doc.substring(0, from + BEGIN.length()) + "\n" + HEADER + String.join("\n", rows) + "\n"
                + doc.substring(to);
    }

    /** The style a row is about: its first cell, without the backticks. */
    static String styleOf(String row) {
        String[] cells = row.split("\\|");
        return cells.length > 1 ? cells[1].replace("`", "").trim() : "";
    }

    /** The run's row: "—" for a measure its run did not record (a run of an older commit). */
    static String row(RunRecord record) {
        String arguments = RunRecord.options(record.text("arguments")).replaceAll("--(publish|smoke)\\b", "")
                .replaceAll("--style\\s+\\S+", "").trim();
        boolean smoke = record.text("arguments").contains("--smoke");
        String run = "`" + record.text("commit") + "`, " + record.text("date") + (smoke ? ", a smoke run" : "")
                + (arguments.isEmpty() ? "" : ", `" + arguments.replaceAll("\\s+", " ") + "`");
        double ratio = record.number("saturation") / record.number("databaseLimit");
        String measuredBy = record.text("settledMeasuredBy");
        String settledBy = measuredBy.equals(Settled.IN_THE_ANSWER) ? " (the POST's answer)"
                : measuredBy.startsWith(Settled.READ_BACK) ? " (read back: updatedAt − POST sent)" : "";
        Map<String, Double> cpu = record.cpuMillisPerOrder();
        String top = cpu.entrySet().stream()
                .filter(e -> !e.getKey().equals(RunRecord.STACK) && !e.getKey().equals(RunRecord.ALL)
                        && !CpuTime.NOT_THE_STACK.contains(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP)
                .map(e -> f("%s %.1f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return "| `" + record.style() + "` | " + run
                + " | " + number(record.number("closedPerSecond"), "%.0f/s")
                + " | " + number(record.number("saturation"), "%.0f/s")
                + " | " + number(record.number("pipelineSaturation"), "%.0f/s")
                + " | " + number(ratio, "%.2f") + " (" + number(record.number("databaseLimit"), "%.0f/s") + ")"
                + " | " + pair(record, "fixedP50", "fixedP99") + " at " + number(record.number("fixedRate"), "%.0f/s")
                + " | " + pair(record, "settledP50", "settledP99") + settledBy
                + " | " + pair(record, "letterLagP50", "letterLagP99")
                + " | " + number(cpu.getOrDefault(RunRecord.STACK, Double.NaN), "%.1f ms")
                + " | " + (top.isEmpty() ? "—" : top + " ms") + " |";
    }

    private static String pair(RunRecord record, String p50, String p99) {
        double a = record.number(p50);
        double b = record.number(p99);
        return Double.isFinite(a) && Double.isFinite(b) ? f("%.0f / %.0f ms", a, b) : "—";
    }

    private static String number(double value, String format) {
        return Double.isFinite(value) ? f(format, value) : "—";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
