package homework.arch.platform.client;

import java.util.Optional;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which answers of another service are a refusal, and which mean it could not be asked. */
class RemoteProblemMapperTest {

    private final RemoteProblemMapper mapper = new RemoteProblemMapper();

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 422})
    void aClientErrorIsARefusal(int status) {
        RuntimeException mapped = mapper.toThrowable(Response.status(status).build());
        assertThat(mapped, instanceOf(RemoteProblemException.class));
        assertThat(((RemoteProblemException) mapped).status(), is(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void aServerErrorOrBackOffMeansTheServiceCouldNotBeAsked(int status) {
        assertThat(mapper.toThrowable(Response.status(status).build()), instanceOf(RemoteFailureException.class));
    }

    @Test
    void notFoundIsEmptyAndAnyOtherRefusalPassesOn() {
        assertThat(RemoteProblemException.emptyIfNotFound(() -> {
            throw new RemoteProblemException(404, "https://arch.homework/problems/not-found", "no such user");
        }), is(Optional.empty()));
        assertThat(RemoteProblemException.emptyIfNotFound(() -> "ann"), is(Optional.of("ann")));
        RemoteProblemException conflict = new RemoteProblemException(409,
                "https://arch.homework/problems/insufficient-funds", "balance too low");
        RemoteProblemException passedOn = assertThrows(RemoteProblemException.class,
                () -> RemoteProblemException.emptyIfNotFound(() -> {
                    throw conflict;
                }));
        assertThat(passedOn, is(conflict));
        assertThat(conflict.is("insufficient-funds"), is(true));
    }
}
