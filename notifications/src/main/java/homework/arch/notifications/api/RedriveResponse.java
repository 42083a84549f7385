package homework.arch.notifications.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import homework.arch.platform.messaging.RedriveOutcome;
import homework.arch.platform.messaging.RedriveReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a re-drive did, in counts and record by record. */
@Schema(name = "RedriveReport")
public record RedriveResponse(
        @Schema(description = "Records tried now whose letter was written now; no longer parked")
        long redriven,
        @Schema(description = "Records tried now whose event had been handled meanwhile: no letter written; no longer parked")
        long alreadyHandled,
        @Schema(description = "Records tried now that failed again: still parked, with the new reason")
        long stillFailing,
        @Schema(description = "Selected records an earlier re-drive handled: not sent again")
        long alreadyRedriven,
        @Schema(description = "Selected records still parked above the last id tried, left for the next call "
                + "(a call tries at most parked.redrive.max-records): call again with fromId above that id")
        long remaining,
        @Schema(description = "Every record tried now, lowest id first")
        List<Tried> records) {

    /** One parked record tried now. */
    @Schema(name = "RedrivenRecord")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tried(@Schema(description = "Its id in parked_events") long id,
                        RedriveOutcome outcome,
                        @Schema(description = "Why it still fails (STILL_FAILING only)") String reason) {
    }

    static RedriveResponse from(RedriveReport report) {
        return new RedriveResponse(report.count(RedriveOutcome.REDRIVEN),
                report.count(RedriveOutcome.ALREADY_HANDLED), report.count(RedriveOutcome.STILL_FAILING),
                report.alreadyRedriven(), report.remaining(),
                report.results().stream().map(r -> new Tried(r.parkedId(), r.outcome(), r.reason())).toList());
    }
}
