package homework.arch.platform.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import homework.arch.platform.failure.UnavailableException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RemoteCallsTest {

    private final RemoteCalls calls = RemoteCalls.to("billing");
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aFailedConnectionIsTriedAgainAndTheAnswerComesBack() {
        String answer = calls.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ProcessingException(new ConnectException("Connection refused"));
            }
            return "answered";
        });
        assertThat(answer, is("answered"));
        assertThat(attempts.get(), is(3));
    }

    @Test
    void aConnectionThatKeepsFailingEndsAsUnavailableNamingTheService() {
        UnavailableException e = assertThrows(UnavailableException.class, () -> calls.call(() -> {
            attempts.incrementAndGet();
            throw new ProcessingException(new ConnectException("Connection refused"));
        }));
        assertThat(attempts.get(), is(1 + RemoteCalls.RETRIES));
        assertThat(e.getMessage(), e.getMessage().contains("billing"), is(true));
    }

    @Test
    void anAttemptThatTimedOutIsNotSentAgain() {
        UnavailableException e = assertThrows(UnavailableException.class, () -> calls.call(() -> {
            attempts.incrementAndGet();
            throw new ProcessingException(new SocketTimeoutException("Read timed out"));
        }));
        assertThat(attempts.get(), is(1));
        assertThat(e.getCause(), instanceOf(RemoteFailureException.class));
    }

    @Test
    void anAnswerWithoutOutcomeIsNotSentAgain() {
        assertThrows(UnavailableException.class, () -> calls.call(() -> {
            attempts.incrementAndGet();
            throw new RemoteFailureException(500, "about:blank", "boom");
        }));
        assertThat(attempts.get(), is(1));
    }

    @Test
    void aRefusalIsAnAnswerPassedOnOnceAndNeverOpensTheBreaker() {
        for (int i = 0; i < 20; i++) {
            RemoteProblemException refused = assertThrows(RemoteProblemException.class, () -> calls.call(() -> {
                attempts.incrementAndGet();
                throw new RemoteProblemException(409, "https://arch.homework/problems/insufficient-funds", "Not enough money");
            }));
            assertThat(refused.is("insufficient-funds"), is(true));
        }
        assertThat(attempts.get(), is(20));
        assertThat(calls.call(() -> "still asked"), is("still asked"));
    }

    @Test
    void aServiceThatKeepsFailingIsNoLongerAskedUntilTheBreakerCloses() {
        for (int i = 0; i < 10; i++) {
            assertThrows(UnavailableException.class, () -> calls.call(() -> {
                attempts.incrementAndGet();
                throw new RemoteFailureException(503, "about:blank", "down");
            }));
        }
        int asked = attempts.get();
        UnavailableException refusedAtOnce = assertThrows(UnavailableException.class,
                () -> calls.call(() -> attempts.incrementAndGet()));
        assertThat(attempts.get(), is(asked));
        assertThat(refusedAtOnce.getCause().getClass().getSimpleName(), is("CircuitBreakerOpenException"));
    }
}
