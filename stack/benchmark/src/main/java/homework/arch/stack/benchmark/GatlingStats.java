package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of one Gatling run, from the "Global Information" table it prints at the end (all
 * requests, ok and failed together; Gatling 3.13 keeps the report's own numbers in JavaScript, not
 * JSON). The percentiles are the 50th, 95th and 99th, as {@link GatlingRun} configures them.
 */
record GatlingStats(Path report, long requests, long failed, double p50, double p95, double p99, double meanPerSecond) {

    static GatlingStats read(Path report, Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            int table = lines.lastIndexOf(lines.stream().filter(l -> l.contains("---- Global Information")).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("No Global Information table in " + log)));
            Map<String, String[]> rows = new HashMap<>();
            for (String line : lines.subList(table + 1, lines.size())) {
                if (!line.startsWith("> ")) {
                    break;
                }
                String[] cells = line.substring(2).split("\\|");
                rows.put(cells[0].trim(), cells);
            }
            return new GatlingStats(report, (long) total(rows, "request count", 1), (long) total(rows, "request count", 3),
                    total(rows, "response time 50th percentile (ms)", 1), total(rows, "response time 95th percentile (ms)", 1),
                    total(rows, "response time 99th percentile (ms)", 1), total(rows, "mean throughput (rps)", 1));
        } catch (IOException e) {
            throw new UncheckedIOException("No readable Gatling output in " + log, e);
        }
    }

    private static double total(Map<String, String[]> rows, String row, int column) {
        String[] cells = rows.get(row);
        if (cells == null) {
            throw new IllegalStateException("Gatling printed no '" + row + "'");
        }
        String value = cells[column].trim().replace(",", "");
        return value.equals("-") ? 0 : Double.parseDouble(value);
    }
}
