package homework.arch.platform.problem;

import java.util.List;

import homework.arch.platform.failure.InvalidInputException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class InvalidInputProblemTest {

    @Test
    void refusedInputIsTheValidationProblemNamingTheParameter() {
        Response response = new DomainExceptionMapper().toResponse(new InvalidInputException("limit", "is given more than once"));
        assertThat(response.getStatus(), is(400));
        assertThat(response.getMediaType().toString(), is(Problem.MEDIA_TYPE));
        assertThat(response.getEntity(), is(Problem.invalid("limit is given more than once",
                List.of(new Problem.FieldError("limit", "is given more than once")))));
    }
}
