package homework.arch.platform.db;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the service's database answers a validity check within a second. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = ServiceDataSource.lookup().getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(1)).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
        }
    }
}
