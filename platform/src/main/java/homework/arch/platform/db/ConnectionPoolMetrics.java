package homework.arch.platform.db;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The pool's state in {@code /metrics}: connections lent out ({@code db.pool.active}), idle
 * ({@code db.pool.available}), callers waiting for one ({@code db.pool.awaiting}), and the most
 * ever lent out at once ({@code db.pool.max.used}).
 */
@ApplicationScoped
class ConnectionPoolMetrics {

    @Inject
    AgroalDataSource pool;

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        AgroalDataSourceMetrics metrics = pool.getMetrics();
        registry.gauge("db.pool.active", metrics, AgroalDataSourceMetrics::activeCount);
        registry.gauge("db.pool.available", metrics, AgroalDataSourceMetrics::availableCount);
        registry.gauge("db.pool.awaiting", metrics, AgroalDataSourceMetrics::awaitingCount);
        registry.gauge("db.pool.max.used", metrics, AgroalDataSourceMetrics::maxUsedCount);
    }
}
