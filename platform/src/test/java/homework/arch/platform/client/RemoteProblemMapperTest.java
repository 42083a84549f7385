package homework.arch.platform.client;

import java.util.Optional;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which answers of another service are a refusal, and which mean it could not be asked. */
class RemoteProblemMapperTest {

    private final RemoteProblemMapper mapper = new RemoteProblemMapper();

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 422})
    void aClientErrorIsARefusal(int status) {
        RuntimeException mapped = mapper.toThrowable(Response.status(status).build());
        assertEquals(status, assertInstanceOf(RemoteProblemException.class, mapped).status());
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void aServerErrorOrBackOffMeansTheServiceCouldNotBeAsked(int status) {
        assertInstanceOf(RemoteFailureException.class, mapper.toThrowable(Response.status(status).build()));
    }

    @Test
    void notFoundIsEmptyAndAnyOtherRefusalPassesOn() {
        assertEquals(Optional.empty(), RemoteProblemException.emptyIfNotFound(() -> {
            throw new RemoteProblemException(404, "https://arch.homework/problems/not-found", "no such user");
        }));
        assertEquals(Optional.of("ann"), RemoteProblemException.emptyIfNotFound(() -> "ann"));
        RemoteProblemException conflict = new RemoteProblemException(409,
                "https://arch.homework/problems/insufficient-funds", "balance too low");
        assertEquals(conflict, assertThrows(RemoteProblemException.class,
                () -> RemoteProblemException.emptyIfNotFound(() -> {
                    throw conflict;
                })));
        assertTrue(conflict.is("insufficient-funds"));
    }
}
