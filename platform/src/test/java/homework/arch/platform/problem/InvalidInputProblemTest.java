package homework.arch.platform.problem;

import java.util.List;

import homework.arch.platform.failure.InvalidInputException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InvalidInputProblemTest {

    @Test
    void refusedInputIsTheValidationProblemNamingTheParameter() {
        Response response = new DomainExceptionMapper().toResponse(new InvalidInputException("limit", "is given more than once"));
        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(Problem.invalid("limit is given more than once",
                List.of(new Problem.FieldError("limit", "is given more than once"))), response.getEntity());
    }
}
