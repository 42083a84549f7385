package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Per second of one Gatling run: requests sent, and the answered ones' response-time percentiles,
 * read from the data arrays of its report's {@code index.html} (Gatling 3.13 writes each chart's data
 * as {@code var <name> = unpack([[epochSecond, [values]], ...]);}, which is JSON).
 */
record GatlingSeries(Map<Long, Second> seconds) {

    /** One second: requests sent (all, ok, ko) and, if any was answered ok, p50 / p95 / p99 in ms. */
    record Second(long sent, long ok, long failed, double p50, double p95, double p99) {
    }

    private static final Pattern ARRAY = Pattern.compile("var (\\w+) = unpack\\((\\[.*?])\\);", Pattern.DOTALL);

    static GatlingSeries read(Path report) {
        Path file = report.resolve("index.html");
        String html;
        try {
            html = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("No readable Gatling report in " + report, e);
        }
        JsonNode requests = null;
        JsonNode percentiles = null;
        Matcher m = ARRAY.matcher(html);
        ObjectMapper json = new ObjectMapper();
        while (m.find()) {
            try {
                if (m.group(1).equals("requests")) {
                    requests = json.readTree(m.group(2));
                } else if (m.group(1).equals("responsetimepercentilesovertimeokPercentiles")) {
                    percentiles = json.readTree(m.group(2));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable array " + m.group(1) + " in " + file, e);
            }
        }
        if (requests == null || percentiles == null) {
            throw new IllegalStateException("No per-second requests or percentiles in " + file);
        }
        // The percentiles are min, 25, 50, 75, 80, 85, 90, 95, 99 and max.
        Map<Long, double[]> byPercentile = new TreeMap<>();
        for (JsonNode second : percentiles) {
            JsonNode values = second.get(1);
            if (values != null && values.isArray() && values.size() == 10) {
                byPercentile.put(second.get(0).asLong(), new double[] {values.get(2).asDouble(),
                        values.get(7).asDouble(), values.get(8).asDouble()});
            }
        }
        Map<Long, Second> seconds = new TreeMap<>();
        for (JsonNode second : requests) {
            JsonNode values = second.get(1);
            long at = second.get(0).asLong();
            double[] p = byPercentile.getOrDefault(at, new double[] {Double.NaN, Double.NaN, Double.NaN});
            seconds.put(at, new Second(values.get(0).asLong(), values.get(1).asLong(), values.get(2).asLong(), p[0], p[1], p[2]));
        }
        return new GatlingSeries(seconds);
    }
}
