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
 * A service whose schema cannot be migrated does not start.
 */
@ApplicationScoped
public class FlywayMigrator {

    private static final Logger LOG = System.getLogger(FlywayMigrator.class.getName());

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                 Object event) {
        MigrateResult result = Flyway.configure()
                .dataSource(ServiceDataSource.lookup())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.log(Level.INFO, "Database of {0} at schema version {1} ({2} migrations applied)",
                ServiceDataSource.serviceName(), result.targetSchemaVersion, result.migrationsExecuted);
    }
}
