package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of one request name in a Gatling report, from its {@code js/stats.js} (Gatling 3.13
 * keeps the report's numbers in JavaScript, but each request's {@code stats} block is JSON). All
 * requests of that name, ok and failed together. The percentiles are the 50th, 95th and 99th, as
 * {@link GatlingRun} configures them.
 */
record GatlingStats(Path report, String request, long requests, long failed, double p50, double p95, double p99,
                    double meanPerSecond) {

    static GatlingStats read(Path report, String request) {
        Path file = report.resolve("js/stats.js");
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("No readable Gatling report in " + report, e);
        }
        int at = text.indexOf("\"name\": \"" + request + "\"");
        if (at < 0) {
            throw new IllegalStateException("No request '" + request + "' in " + file);
        }
        String block = text.substring(at);
        return new GatlingStats(report, request, (long) total(block, "numberOfRequests", 1, file),
                (long) total(block, "numberOfRequests", 3, file), total(block, "percentiles1", 1, file),
                total(block, "percentiles2", 1, file), total(block, "percentiles3", 1, file),
                total(block, "meanNumberOfRequestsPerSecond", 1, file));
    }

    /** Group 1 is the total, 2 the ok requests, 3 the failed ones; "-" (none) reads as 0. */
    private static double total(String block, String key, int group, Path file) {
        Matcher m = Pattern.compile("\"" + key + "\": \\{\\s*\"total\": \"([^\"]*)\",\\s*\"ok\": \"([^\"]*)\","
                + "\\s*\"ko\": \"([^\"]*)\"").matcher(block);
        if (!m.find()) {
            throw new IllegalStateException("No '" + key + "' in " + file);
        }
        String value = m.group(group).replace(",", "");
        return value.equals("-") ? 0 : Double.parseDouble(value);
    }
}
