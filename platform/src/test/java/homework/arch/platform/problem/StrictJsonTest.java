package homework.arch.platform.problem;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import homework.arch.platform.json.JsonMapperProvider;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the shared JSON reader refuses, and that each refusal is a 400 naming the field. */
class StrictJsonTest {

    record Line(BigDecimal price) {
    }

    record Order(String name, List<Line> items) {
    }

    @Test
    void aRepeatedKeyIsRefusedAndNamed() {
        Problem problem = refused("{\"name\":\"a\",\"name\":\"b\",\"items\":[]}", Order.class);

        assertThat(problem.status(), is(400));
        assertThat(problem.errors(), contains(new Problem.FieldError("name", "is given more than once")));
    }

    @Test
    void aRepeatedKeyDeepInsideIsNamedByItsPath() {
        Problem problem = refused("{\"name\":\"a\",\"items\":[{\"price\":1,\"price\":2}]}", Order.class);

        assertThat(problem.errors().getFirst().field(), is("items[0].price"));
    }

    @Test
    void theSameKeyInTwoObjectsIsNotARepeat() throws JsonProcessingException {
        Order order = JsonMapperProvider.mapper().readValue(
                "{\"name\":\"a\",\"items\":[{\"price\":1},{\"price\":2}]}", Order.class);

        assertThat(order.items(), hasSize(2));
    }

    record Message(String subject, List<String> tags) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "\\u0000", "\\ud800x", "x\\udc00", "\\ude00\\ud83d", "\\ud83d"})
    void textTheDatabaseCannotStoreIsRefusedAndNamed(String escaped) {
        Problem problem = refused("{\"subject\":\"" + escaped + "\",\"tags\":[]}", Message.class);

        assertThat(problem.status(), is(400));
        assertThat(problem.errors().getFirst().field(), is("subject"));
        assertThat(problem.errors().getFirst().message(), is("must be valid Unicode text without NUL characters"));
    }

    @Test
    void everyStringIsCheckedAlsoInsideCollections() {
        assertThat(refused("{\"subject\":\"s\",\"tags\":[\"a\",\"\\u0000\"]}", Message.class)
                .errors().getFirst().field(), is("tags[1]"));
    }

    @Test
    void aSurrogateWrittenAsRawBytesIsRefusedToo() {
        byte[] cesu = {'{', '"', 's', 'u', 'b', 'j', 'e', 'c', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        JsonProcessingException exception = assertThrows(JsonProcessingException.class,
                () -> JsonMapperProvider.mapper().readValue(cesu, Message.class));
        assertThat(JsonExceptionMapper.toResponse(exception).getStatus(), is(400));
    }

    @Test
    void otherControlCharactersAndPairedSurrogatesAreText() throws JsonProcessingException {
        Message message = JsonMapperProvider.mapper().readValue(
                "{\"subject\":\"\\u0001\\t\\ud83d\\ude00\\uffff\",\"tags\":[]}", Message.class);

        assertThat(message.subject(), is("\u0001\t\ud83d\ude00\uffff"));
    }

    static Problem refused(String json, Class<?> type) {
        JsonProcessingException exception = assertThrows(JsonProcessingException.class,
                () -> JsonMapperProvider.mapper().readValue(json, type));
        Response response = JsonExceptionMapper.toResponse(exception);
        assertThat(response.getMediaType().toString(), is(Problem.MEDIA_TYPE));
        return (Problem) response.getEntity();
    }
}
