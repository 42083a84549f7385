package homework.arch.platform.messaging;

import java.util.List;


/**
 * What one re-drive did: each record it tried, how many selected records an earlier re-drive had
 * already handled (left alone), and how many selected records are still parked beyond the last one
 * tried because a call tries at most {@code parked.redrive.max-records}.
 */
public record RedriveReport(List<RedriveResult> results, long alreadyRedriven, long remaining) {

    public RedriveReport {
        results = List.copyOf(results);
    }

    public long count(RedriveOutcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
