package homework.arch.platform.db;

import java.sql.SQLException;
import java.time.Duration;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.Config;

/**
 * The service's one pool of connections to its own database ({@code db.url}, {@code db.user},
 * {@code db.password}; {@code db.pool.max-size} connections, each caller waiting at most
 * {@code db.pool.acquisition-timeout} for one). A connection taken inside a JTA transaction is
 * enlisted in it, and every later use in that transaction gets the same one back; Narayana commits
 * it with the transaction, in one phase.
 *
 * <p>Agroal does that enlistment itself, with one {@code XAResource} per connection. Helidon's own
 * adapter for a plain pool (with HikariCP) commits the transactions of the whole JVM one after the
 * other, under one lock, and a commit waits for PostgreSQL to flush its log: under load the
 * requests queue on that lock (helidon-io/helidon#10280).
 */
@ApplicationScoped
class ConnectionPool {

    @Produces
    @ApplicationScoped
    AgroalDataSource pool(Config config, TransactionManager transactions,
                          TransactionSynchronizationRegistry registry) throws SQLException {
        int size = config.getValue("db.pool.max-size", Integer.class);
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(true)
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(size)
                        .minSize(size)
                        .acquisitionTimeout(config.getValue("db.pool.acquisition-timeout", Duration.class))
                        .transactionIntegration(new NarayanaTransactionIntegration(transactions, registry))
                        // A connection idle for a second is checked before it is lent (the database
                        // may have restarted meanwhile); one that fails with a fatal error is closed.
                        .idleValidationTimeout(Duration.ofSeconds(1))
                        .connectionValidator(ConnectionValidator.defaultValidator())
                        .exceptionSorter(new PostgreSQLExceptionSorter())
                        .maxLifetime(Duration.ofMinutes(30))
                        .connectionFactoryConfiguration(factory -> factory
                                .jdbcUrl(config.getValue("db.url", String.class))
                                .principal(new NamePrincipal(config.getValue("db.user", String.class)))
                                .credential(new SimplePassword(config.getValue("db.password", String.class))))));
    }

    void close(@Disposes AgroalDataSource pool) {
        pool.close();
    }
}
