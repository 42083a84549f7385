package homework.arch.platform.db;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Qualifier;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;

/**
 * The one entity manager of a service, injected as {@code @Inject @ServiceDatabase.Shared EntityManager}
 * by every repository instead of each declaring its own {@code @PersistenceContext}.
 *
 * <p>Why: Helidon 4.2 gives each {@code @PersistenceContext} injection point its own Hibernate session
 * in a JTA transaction, and each session its own connection. One transaction that writes through two
 * repositories (an order and its outbox row, an account and its ledger entry) then runs on two
 * connections, which Narayana commits one after the other: a crash between the two commits keeps
 * one write and loses the other. Sharing one entity manager gives every transaction one session and
 * one connection, so its writes commit in one PostgreSQL transaction (tested by
 * {@code OrderResourceTest.aSettlementWhoseCommitIsCutOffIsRetriedAndChargesOnce}).
 */
@ApplicationScoped
public class ServiceDatabase {

    /** Qualifies the shared entity manager. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({FIELD, METHOD, PARAMETER})
    public @interface Shared {
    }

    /** The service's only persistence unit (each service has exactly one, named after it). */
    @PersistenceContext
    EntityManager entityManager;

    @Produces
    @Shared
    EntityManager entityManager() {
        return entityManager;
    }
}
