package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prometheus' answer to {@code /api/v1/query_range}: {@code {"status":"success","data":{"resultType":
 * "matrix","result":[{"metric":{labels},"values":[[unix seconds, "value"], ...]}, ...]}}}. Values
 * come as strings, {@code NaN}, {@code +Inf} and {@code -Inf} included.
 */
final class QueryRange {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One series: its labels and its points, x in unix seconds. */
    record Series(Map<String, String> labels, List<double[]> points) {
    }

    private QueryRange() {
    }

    static List<Series> parse(String answer) {
        try {
            JsonNode root = JSON.readTree(answer);
            if (!"success".equals(root.path("status").asText())) {
                throw new IllegalStateException("Prometheus answered " + root.path("errorType").asText() + ": "
                        + root.path("error").asText());
            }
            JsonNode data = root.path("data");
            if (!"matrix".equals(data.path("resultType").asText())) {
                throw new IllegalStateException("expected a matrix, got " + data.path("resultType").asText());
            }
            List<Series> series = new ArrayList<>();
            for (JsonNode result : data.path("result")) {
                Map<String, String> labels = new LinkedHashMap<>();
                result.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
                List<double[]> points = new ArrayList<>();
                for (JsonNode value : result.path("values")) {
                    points.add(new double[] {value.get(0).asDouble(), number(value.get(1).asText())});
                }
                series.add(new Series(labels, points));
            }
            return series;
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus' answer is not JSON: " + answer, e);
        }
    }

    /** A sample value as Prometheus writes it: a decimal, {@code NaN}, {@code +Inf} or {@code -Inf}. */
    static double number(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }
}
