package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixed phase's numbers are its own requests', not the lead-in's nor all requests'. */
class GatlingStatsTest {

    @TempDir
    Path report;

    @Test
    void readsTheNumbersOfOneRequestNameFromTheReport() throws IOException {
        Files.createDirectories(report.resolve("js"));
        // The shape Gatling 3.13 writes: all requests first, then one block per request name.
        Files.writeString(report.resolve("js/stats.js"), "var stats = {\n    type: \"GROUP\",\nname: \"All Requests\",\n"
                + "stats: " + stats("All Requests", "1,600", "37", "60", "900", "1,400", "26.667")
                + ",\ncontents: {\n\"req_lead\": {\n        type: \"REQUEST\",\n        name: \"POST /orders (lead-in)\",\n"
                + "stats: " + stats("POST /orders (lead-in)", "400", "37", "240", "1,100", "1,900", "20")
                + "\n    },\n\"req_fixed\": {\n        type: \"REQUEST\",\n        name: \"POST /orders (fixed)\",\n"
                + "stats: " + stats("POST /orders (fixed)", "1,200", "-", "31", "88", "140", "20")
                + "\n    }\n}\n\n}\n");

        GatlingStats fixed = GatlingStats.read(report, OrderSimulation.request("fixed"));
        GatlingStats leadIn = GatlingStats.read(report, OrderSimulation.request(OrderSimulation.LEAD_IN));

        assertThat(fixed, is(new GatlingStats(report, "POST /orders (fixed)", 1200, 0, 31, 88, 140, 20)));
        assertThat(leadIn, is(new GatlingStats(report, "POST /orders (lead-in)", 400, 37, 240, 1100, 1900, 20)));
        assertThrows(IllegalStateException.class, () -> GatlingStats.read(report, OrderSimulation.request("ramp")));
    }

    private static String stats(String name, String total, String failed, String p50, String p95, String p99,
                                String perSecond) {
        return "{\n    \"name\": \"" + name + "\",\n"
                + triple("numberOfRequests", total, total, failed)
                + triple("minResponseTime", "2", "2", failed.equals("-") ? "-" : "1")
                + triple("percentiles1", p50, p50, "-")
                + triple("percentiles2", p95, p95, "-")
                + triple("percentiles3", p99, p99, "-")
                + triple("percentiles4", p99, p99, "-")
                + "    \"group1\": {\n    \"name\": \"t < 800 ms\",\n    \"count\": 20,\n    \"percentage\": 100.0\n},\n"
                + "    \"meanNumberOfRequestsPerSecond\": {\n        \"total\": \"" + perSecond + "\",\n        \"ok\": \""
                + perSecond + "\",\n        \"ko\": \"-\"\n    }\n}";
    }

    private static String triple(String key, String total, String ok, String ko) {
        return "    \"" + key + "\": {\n        \"total\": \"" + total + "\",\n        \"ok\": \"" + ok
                + "\",\n        \"ko\": \"" + ko + "\"\n    },\n";
    }
}
