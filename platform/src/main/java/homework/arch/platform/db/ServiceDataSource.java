package homework.arch.platform.db;

import javax.sql.DataSource;

import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Finds the service's own data source: the one {@link ConnectionPool}. Each service names its
 * persistence unit and its database after itself, and says that name once, in {@code service.name}.
 */
final class ServiceDataSource {

    private ServiceDataSource() {
    }

    static String serviceName() {
        return ConfigProvider.getConfig().getValue("service.name", String.class);
    }

    static DataSource lookup() {
        return CDI.current().select(DataSource.class).get();
    }
}
