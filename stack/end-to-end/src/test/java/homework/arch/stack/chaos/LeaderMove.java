package homework.arch.stack.chaos;

/**
 * What the death of a partition leader did: which broker died and what it led, which broker leads
 * now and how soon, and the letters: all of them, those written while the broker was down, and the
 * longest time between two letters in a row while it was.
 */
public record LeaderMove(String broker, int partition, String newLeader, long electedMillis, long orders, long letters,
                         long lettersWhileDown, long longestGapMillis) {
}
