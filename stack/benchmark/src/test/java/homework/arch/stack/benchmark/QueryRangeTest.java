package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Prometheus' range answer (prometheus/query-range.json: an answer of Prometheus 2.42, with NaN and +Inf added) is read whole. */
class QueryRangeTest {

    @Test
    void readsEachSeriesWithItsLabelsAndPoints() throws IOException {
        List<QueryRange.Series> series = QueryRange.parse(sample());
        assertThat(series, hasSize(3));
        assertThat(series.get(1).labels(), is(Map.of("status", "PAID")));
        assertThat(series.get(1).points(), hasSize(4));
        assertThat(series.get(1).points().get(0)[0], is(1796587954.0));
        assertThat(series.get(1).points().get(1)[1], is(9.278));
        assertThat(series.get(2).labels(), is(Map.of()));
        assertThat(series.get(2).points().get(0)[0], is(1796587952.5));
        assertThat(Double.isNaN(series.get(2).points().get(0)[1]), is(true));
        assertThat(series.get(2).points().get(1)[1], is(Double.POSITIVE_INFINITY));
    }

    @Test
    void anErrorAnswerIsRefusedWithPrometheusReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> QueryRange.parse(
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:14: parse error: missing unit character in duration\"}"));
        assertThat(e.getMessage(), is("Prometheus answered bad_data: 1:14: parse error: missing unit character in duration"));
    }

    @Test
    void anInstantVectorIsNotARange() {
        assertThrows(IllegalStateException.class, () -> QueryRange.parse(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
    }

    @Test
    void sampleValuesAreReadAsPrometheusWritesThem() {
        assertThat(QueryRange.number("-Inf"), is(Double.NEGATIVE_INFINITY));
        assertThat(QueryRange.number("1e+06"), is(1e6));
    }

    private static String sample() throws IOException {
        try (InputStream in = QueryRangeTest.class.getResourceAsStream("/prometheus/query-range.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
