package homework.arch.platform.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import javax.transaction.xa.XAException;

/**
 * Tells failures that say something about the work (a constraint, a bug) from failures of the
 * database around it (an outage, a restart, overload), by the exception's cause chain. The first
 * kind repeats on every try; the second goes away, so the same work must simply be tried again.
 */
public final class DatabaseFailures {

    /** What Agroal throws when no connection was free within {@code db.pool.acquisition-timeout}. */
    static final String POOL_TIMEOUT = "Sorry, acquisition timeout!";

    private DatabaseFailures() {
    }

    /**
     * The database could not be reached or gave no connection in time: a pool timeout, SQLSTATE class
     * 08 (connection exception) or 57P0x (the server is shutting down, crashed or is starting up).
     */
    public static boolean unreachable(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLTransientConnectionException
                || t instanceof SQLException sql && (state(sql, "08", "57P0")
                        || sql.getSQLState() == null && POOL_TIMEOUT.equals(sql.getMessage())));
    }

    /**
     * The database was unreachable, or the failure is one PostgreSQL documents as worth retrying
     * (serialization failure or deadlock: class 40; insufficient resources: 53; system error: 58), or
     * a transaction's commit failed without any SQL error to say why (the connection died during
     * the commit: its outcome is unknown, and only a retry that can tell the work was done is safe).
     */
    public static boolean transientFailure(Throwable failure) {
        if (unreachable(failure) || anyCause(failure, t -> t instanceof SQLTransientException
                || t instanceof SQLRecoverableException
                || t instanceof SQLException sql && state(sql, "40", "53", "58"))) {
            return true;
        }
        boolean sqlError = anyCause(failure, t -> t instanceof SQLException);
        return !sqlError && anyCause(failure, t -> t instanceof XAException
                || t.getClass().getName().startsWith("jakarta.transaction."));
    }

    private static boolean state(SQLException sql, String... prefixes) {
        String state = sql.getSQLState();
        if (state == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (state.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code test} holds for the failure or anything behind it: its causes, and the
     * exceptions suppressed along the way with their own causes. A JTA commit that fails reports the
     * database's errors only there: a {@code RollbackException} with no cause, carrying one suppressed
     * {@code XAException} per resource, whose cause is the driver's {@link SQLException}.
     */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }
}
