package homework.arch.platform.problem;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

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

        assertThat(response.getStatus(), is(503));
        assertThat(response.getHeaderString("Retry-After"), is("1"));
        assertThat(((Problem) response.getEntity()).type().getPath().replaceAll(".*/", ""), is("dependency-unavailable"));
    }

    @Test
    void aServerThatIsDownOrShuttingDownIsA503() {
        assertThat(mapper.toResponse(new RuntimeException(new SQLException("refused", "08001"))).getStatus(), is(503));
        assertThat(mapper.toResponse(new RuntimeException(new SQLException("shutting down", "57P01"))).getStatus(), is(503));
    }

    @Test
    void anyOtherDatabaseErrorIsOurBug() {
        assertThat(mapper.toResponse(new RuntimeException(new SQLException("duplicate key", "23505"))).getStatus(), is(500));
        assertThat(mapper.toResponse(new IllegalStateException("boom")).getStatus(), is(500));
    }
}
