package homework.arch.stack.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import homework.arch.stack.Replicas;
import homework.arch.stack.StackStyle;
import homework.arch.stack.fixtures.TestHttp;

import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes {@code report.md}, {@code report.json} and {@code requests.jsonl} (every request and its answer). */
public final class FaultReport {

    private FaultReport() {
    }

    public static String write(Path directory, FaultRun.Settings settings, StackStyle style, Replicas replicas, int kafkaBrokers,
                               List<FaultResult> results, Journal journal) {
        try {
            Files.createDirectories(directory);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("settings", Map.of("seed", settings.seed(), "users", settings.users(),
                    "threads", settings.threads(), "perFaultSeconds", settings.perFault().toMillis() / 1000.0,
                    "pauseMillis", settings.pause().toMillis(), "replicas", replicas.toString(), "style", style.configName(),
                    "kafkaBrokers", kafkaBrokers));
            json.put("passed", results.stream().allMatch(FaultResult::passed));
            json.put("faults", results);
            Files.writeString(directory.resolve("report.json"),
                    TestHttp.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            String markdown = markdown(settings, style, replicas, kafkaBrokers, results);
            Files.writeString(directory.resolve("report.md"), markdown);
            journal.write(directory.resolve("requests.jsonl"));
            return markdown;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(FaultRun.Settings settings, StackStyle style, Replicas replicas, int kafkaBrokers,
                           List<FaultResult> results) {
        StringBuilder md = new StringBuilder("# Fault run\n\n");
        md.append(String.format("Seed %d; style %s; replicas: %s; Kafka brokers: %d; %d load users, %d client threads, %s per"
                        + " fault. Every component was killed with SIGKILL while the load ran, then restarted on the same data.%n%n",
                settings.seed(), style, replicas, kafkaBrokers, settings.users(), settings.threads(), settings.perFault()));
        md.append(tables(results));
        for (FaultResult r : results) {
            md.append("\n## ").append(r.component()).append("\n\n");
            if (r.error() != null) {
                md.append("Fault injection failed: `").append(r.error()).append("`\n\n");
            }
            for (Check check : r.checks()) {
                md.append("- ").append(check.passed() ? "PASS " : "FAIL ").append(check.name()).append(": ")
                        .append(check.summary()).append('\n');
                check.violations().forEach(v -> md.append("  - ").append(v).append('\n'));
            }
        }
        return md.toString();
    }

    /** The table of the faults and, for a partition leader's death, the table of the leadership and the letters. */
    static String tables(List<FaultResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("| fault | orders sent | deposits sent | requests | client errors (no answer or 5xx) | 202 PENDING"
                + " | gave up | down (kill to healthy) | recovered (kill to first letter) | settled in | checks |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (FaultResult r : results) {
            long passed = r.checks().stream().filter(Check::passed).count();
            md.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %s | %s | %s | %s %d/%d |%n", r.component(),
                    r.ordersSent(), r.depositsSent(), r.requests(), r.clientErrors(), r.pendingAnswers(), r.gaveUp(),
                    seconds(r.downMillis()), seconds(r.recoverMillis()), seconds(r.settleMillis()),
                    r.passed() ? "PASS" : "FAIL", passed, r.checks().size()));
        }
        List<LeaderMove> moves = results.stream().map(FaultResult::leaderMove).filter(Objects::nonNull).toList();
        if (!moves.isEmpty()) {
            md.append("\n| broker killed | partition it led | led next by | after | orders settled | letters"
                    + " | letters while it was down | longest gap between letters while it was down |\n");
            md.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
            for (LeaderMove m : moves) {
                md.append(String.format("| %s | %d | %s | %s | %d | %d | %d | %s |%n", m.broker(), m.partition(), m.newLeader(),
                        seconds(m.electedMillis()), m.orders(), m.letters(), m.lettersWhileDown(), seconds(m.longestGapMillis())));
            }
        }
        return md.toString();
    }

    private static String seconds(long millis) {
        return millis < 0 ? "never" : String.format("%.1f s", millis / 1000.0);
    }
}
