package homework.arch.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

    @Test
    void aPoolThatGaveNoConnectionInTimeIsA503ToRetry() {
        Response response = mapper.toResponse(new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLTransientConnectionException("orders - Connection is not available, request timed out after 2000ms.")));

        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString("Retry-After"));
        assertEquals("dependency-unavailable", ((Problem) response.getEntity()).type().getPath().replaceAll(".*/", ""));
    }

    @Test
    void aServerThatIsDownOrShuttingDownIsA503() {
        assertEquals(503, mapper.toResponse(new RuntimeException(new SQLException("refused", "08001"))).getStatus());
        assertEquals(503, mapper.toResponse(new RuntimeException(new SQLException("shutting down", "57P01"))).getStatus());
    }

    @Test
    void anyOtherDatabaseErrorIsOurBug() {
        assertEquals(500, mapper.toResponse(new RuntimeException(new SQLException("duplicate key", "23505"))).getStatus());
        assertEquals(500, mapper.toResponse(new IllegalStateException("boom")).getStatus());
    }
}
