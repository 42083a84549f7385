package homework.arch.platform.db;

import javax.sql.DataSource;

import io.helidon.integrations.cdi.jpa.PersistenceUnitInfoBean;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Gives Helidon's JPA integration the service's {@link ConnectionPool}, which enlists its
 * connections in JTA transactions itself, in place of Helidon's default provider, which would wrap a
 * pool in its own JTA adapter. A persistence unit may name only the service's own data source.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
class PooledDataSourceProvider implements PersistenceUnitInfoBean.DataSourceProvider {

    @Inject
    DataSource pool;

    @Override
    public DataSource getDataSource(boolean jta, boolean useDefaultJta, String dataSourceName) {
        if (dataSourceName != null && !dataSourceName.equals(ServiceDataSource.serviceName())) {
            throw new IllegalArgumentException("A persistence unit names the data source " + dataSourceName
                    + "; this service has only its own, " + ServiceDataSource.serviceName());
        }
        return pool;
    }
}
