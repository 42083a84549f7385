package homework.arch.stack.chaos;

import java.util.List;

/**
 * One fault: what the clients sent and saw while it was injected, how long it took to recover
 * (kill to the first end-to-end order with its letter) and to settle, and each check afterwards;
 * for a partition leader's death, also how the leadership and the letters went ({@code leaderMove},
 * else null).
 */
public record FaultResult(String component, int ordersSent, int depositsSent, int requests, int clientErrors,
                          int pendingAnswers, int gaveUp, long downMillis, long restartMillis, long recoverMillis,
                          long settleMillis, List<Check> checks, String error, LeaderMove leaderMove) {

    public boolean passed() {
        return error == null && recoverMillis >= 0 && checks.stream().allMatch(Check::passed);
    }
}
