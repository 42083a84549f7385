package homework.arch.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import homework.arch.platform.json.JsonMapperProvider;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** What the shared JSON reader refuses, and that each refusal is a 400 naming the field. */
class StrictJsonTest {

    record Line(BigDecimal price) {
    }

    record Order(String name, List<Line> items) {
    }

    @Test
    void aRepeatedKeyIsRefusedAndNamed() {
        Problem problem = refused("{\"name\":\"a\",\"name\":\"b\",\"items\":[]}", Order.class);

        assertEquals(400, problem.status());
        assertEquals(List.of(new Problem.FieldError("name", "is given more than once")), problem.errors());
    }

    @Test
    void aRepeatedKeyDeepInsideIsNamedByItsPath() {
        Problem problem = refused("{\"name\":\"a\",\"items\":[{\"price\":1,\"price\":2}]}", Order.class);

        assertEquals("items[0].price", problem.errors().getFirst().field());
    }

    @Test
    void theSameKeyInTwoObjectsIsNotARepeat() throws JsonProcessingException {
        Order order = JsonMapperProvider.mapper().readValue(
                "{\"name\":\"a\",\"items\":[{\"price\":1},{\"price\":2}]}", Order.class);

        assertEquals(2, order.items().size());
    }

    static Problem refused(String json, Class<?> type) {
        JsonProcessingException exception = assertThrows(JsonProcessingException.class,
                () -> JsonMapperProvider.mapper().readValue(json, type));
        Response response = JsonExceptionMapper.toResponse(exception);
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        return (Problem) response.getEntity();
    }
}
