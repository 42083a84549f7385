package homework.arch.platform.db;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void anOutageOrARestartOfTheDatabaseIsTransient() {
        // What Hibernate and the pool throw while PostgreSQL is down, crashing or starting up.
        assertTrue(DatabaseFailures.unreachable(new PersistenceException(
                new SQLTransientConnectionException("orders - Connection is not available, request timed out"))));
        assertTrue(DatabaseFailures.unreachable(new PersistenceException(new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseFailures.unreachable(new PersistenceException(new SQLException(DatabaseFailures.POOL_TIMEOUT))));
        assertTrue(DatabaseFailures.unreachable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseFailures.transientFailure(new SQLException("terminating connection", "57P01")));
    }

    @Test
    void aDeadlockOrACommitWithUnknownOutcomeIsTransient() {
        assertTrue(DatabaseFailures.transientFailure(new PersistenceException(new SQLException("deadlock", "40P01"))));
        assertTrue(DatabaseFailures.transientFailure(new SQLException("too many connections", "53300")));
        RollbackException commitFailed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commitFailed.initCause(new XAException(XAException.XAER_RMFAIL));
        assertTrue(DatabaseFailures.transientFailure(new IllegalStateException(commitFailed)));
    }

    @Test
    void aCommitCutOffByACrashIsAnOutage() {
        // As Narayana reports it when PostgreSQL dies during the commit: no cause, one suppressed
        // XAException per resource, the driver's error behind each.
        assertTrue(DatabaseFailures.unreachable(commitFailedWith(
                new SQLException("An I/O error occurred while sending to the backend.", "08006",
                        new SocketException("Connection reset")),
                new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01"))));
    }

    @Test
    void aConstraintThatFailsTheCommitIsNotTransient() {
        RollbackException deferred = commitFailedWith(new SQLException("duplicate key value", "23505"));
        assertFalse(DatabaseFailures.transientFailure(deferred));
        assertFalse(DatabaseFailures.unreachable(deferred));
    }

    private static RollbackException commitFailedWith(SQLException... causes) {
        RollbackException failed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        for (SQLException cause : causes) {
            XAException resource = new XAException(XAException.XAER_RMFAIL);
            resource.initCause(cause);
            failed.addSuppressed(resource);
        }
        return failed;
    }

    @Test
    void whatTheDataCausesIsNot() {
        // A unique violation fails the commit the same way each time it is tried.
        RollbackException constraint = new RollbackException("ARJUNA016053: Could not commit transaction.");
        constraint.initCause(new PersistenceException(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseFailures.transientFailure(constraint));
        assertFalse(DatabaseFailures.unreachable(constraint));
        assertFalse(DatabaseFailures.transientFailure(new IllegalArgumentException("no such order type")));
        assertFalse(DatabaseFailures.transientFailure(new SQLException("no state")));
    }
}
