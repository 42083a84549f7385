package homework.arch.platform.messaging;

/** What one more try of the parked record {@code parkedId} came to; {@code reason} says why it still fails (null otherwise). */
public record RedriveResult(long parkedId, RedriveOutcome outcome, String reason) {

    public static RedriveResult handled(long parkedId, boolean written) {
        return new RedriveResult(parkedId, written ? RedriveOutcome.REDRIVEN : RedriveOutcome.ALREADY_HANDLED, null);
    }

    public static RedriveResult stillFailing(long parkedId, String reason) {
        return new RedriveResult(parkedId, RedriveOutcome.STILL_FAILING, reason);
    }

    /** Done with: it is not sent again. */
    public boolean settled() {
        return outcome != RedriveOutcome.STILL_FAILING;
    }
}
