package homework.arch.platform.db;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class DatabaseFailuresTest {

    @Test
    void anOutageOrARestartOfTheDatabaseIsTransient() {
        // What Hibernate and the pool throw while PostgreSQL is down, crashing or starting up.
        assertThat(DatabaseFailures.unreachable(new PersistenceException(
                new SQLTransientConnectionException("orders - Connection is not available, request timed out"))), is(true));
        assertThat(DatabaseFailures.unreachable(new PersistenceException(new SQLException("I/O error", "08006"))), is(true));
        assertThat(DatabaseFailures.unreachable(new PersistenceException(new SQLException(DatabaseFailures.POOL_TIMEOUT))),
                is(true));
        assertThat(DatabaseFailures.unreachable(new SQLException("the database system is starting up", "57P03")), is(true));
        assertThat(DatabaseFailures.transientFailure(new SQLException("terminating connection", "57P01")), is(true));
    }

    @Test
    void aDeadlockOrACommitWithUnknownOutcomeIsTransient() {
        assertThat(DatabaseFailures.transientFailure(new PersistenceException(new SQLException("deadlock", "40P01"))),
                is(true));
        assertThat(DatabaseFailures.transientFailure(new SQLException("too many connections", "53300")), is(true));
        RollbackException commitFailed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commitFailed.initCause(new XAException(XAException.XAER_RMFAIL));
        assertThat(DatabaseFailures.transientFailure(new IllegalStateException(commitFailed)), is(true));
    }

    @Test
    void aCommitCutOffByACrashIsAnOutage() {
        // As Narayana reports it when PostgreSQL dies during the commit: no cause, one suppressed
        // XAException per resource, the driver's error behind each.
        assertThat(DatabaseFailures.unreachable(commitFailedWith(
                new SQLException("An I/O error occurred while sending to the backend.", "08006",
                        new SocketException("Connection reset")),
                new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01"))), is(true));
    }

    @Test
    void aConstraintThatFailsTheCommitIsNotTransient() {
        RollbackException deferred = commitFailedWith(new SQLException("duplicate key value", "23505"));
        assertThat(DatabaseFailures.transientFailure(deferred), is(false));
        assertThat(DatabaseFailures.unreachable(deferred), is(false));
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
        assertThat(DatabaseFailures.transientFailure(constraint), is(false));
        assertThat(DatabaseFailures.unreachable(constraint), is(false));
        assertThat(DatabaseFailures.transientFailure(new IllegalArgumentException("no such order type")), is(false));
        assertThat(DatabaseFailures.transientFailure(new SQLException("no state")), is(false));
    }
}
