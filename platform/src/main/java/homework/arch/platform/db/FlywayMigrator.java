package homework.arch.platform.db;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies {@code classpath:db/migration} to the service's database at start-up, before JPA starts
 * (JPA initialises at {@code LIBRARY_BEFORE + 20}) so that Hibernate only validates the schema.
 * A service whose schema cannot be migrated does not start. One that cannot reach its database yet
 * (PostgreSQL starting after it in a cluster, or a first connection slower than the pool's
 * acquisition timeout on a busy machine) keeps trying for about two minutes before it gives up.
 */
@ApplicationScoped
public class FlywayMigrator {

    private static final Logger LOG = System.getLogger(FlywayMigrator.class.getName());
    /** Flyway waits 1, 2, 4 s, then this many seconds between tries: about two minutes in all. */
    private static final int CONNECT_RETRIES = 30;
    private static final int CONNECT_RETRIES_MAX_INTERVAL_SECONDS = 4;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                 Object event) {
        MigrateResult result = Flyway.configure()
                .dataSource(ServiceDataSource.lookup())
                .locations("classpath:db/migration")
                .connectRetries(CONNECT_RETRIES)
                .connectRetriesInterval(CONNECT_RETRIES_MAX_INTERVAL_SECONDS)
                .load()
                .migrate();
        LOG.log(Level.INFO, "Database of {0} at schema version {1} ({2} migrations applied)",
                ServiceDataSource.serviceName(), result.targetSchemaVersion, result.migrationsExecuted);
    }
}
