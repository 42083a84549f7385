package homework.arch.platform.client;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import homework.arch.platform.failure.UnavailableException;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.CircuitBreakerOpenException;
import io.helidon.faulttolerance.Retry;
import io.helidon.faulttolerance.RetryTimeoutException;
import jakarta.ws.rs.ProcessingException;

/**
 * The one way a gateway calls another service, with the same fault tolerance for every call:
 * <ul>
 * <li>each attempt is bounded by its REST client's {@code connectTimeout} and {@code readTimeout};
 * <li>an attempt whose connection failed is made again, at most {@value #RETRIES} more times, about
 * 100 ms apart; an attempt that timed out is not: the other service may still be working on it, and
 * the caller's own retry (or orders' settler) asks again later under the same idempotency key;
 * <li>a circuit breaker per service opens when half of the last ten calls failed, refuses calls
 * for 5 s, then closes after two that succeed;
 * <li>a refusal ({@link RemoteProblemException}, a 4xx problem) is an answer: never retried, counted
 * by the breaker as a success, and passed to the caller unchanged;
 * <li>anything else means the service could not be asked (refused or timed-out connection, a 5xx,
 * an open breaker) and leaves as one {@link UnavailableException} naming the service.
 * </ul>
 * <pre>
 * private final RemoteCalls billing = RemoteCalls.to("billing");
 * ...
 * billing.call(() -> client.withdraw(userId, key, withdrawal));
 * </pre>
 * Helidon's fault-tolerance handlers, built once per gateway: MicroProfile's annotations on each
 * gateway method built the same policy again from configuration on every call.
 */
public final class RemoteCalls {

    /** Attempts after the first, for a connection that failed. */
    static final int RETRIES = 2;

    private static final Logger LOG = System.getLogger(RemoteCalls.class.getName());
    /** The calls of this JVM to each service, for {@link RemoteCircuits}: one gateway per service. */
    private static final Map<String, RemoteCalls> BY_SERVICE = new ConcurrentHashMap<>();

    private final String service;
    private final Retry retry;
    private final CircuitBreaker breaker;

    private RemoteCalls(String service) {
        this.service = service;
        this.retry = Retry.builder()
                .name(service)
                .calls(1 + RETRIES)
                .delay(Duration.ofMillis(100))
                .jitter(Duration.ofMillis(50))
                // The retries' budget: every attempt may take its client's whole timeouts.
                .overallTimeout(Duration.ofMinutes(1))
                .addApplyOn(ProcessingException.class)
                .build();
        this.breaker = CircuitBreaker.builder()
                .name(service)
                .volume(10)
                .errorRatio(50)
                .delay(Duration.ofSeconds(5))
                .successThreshold(2)
                .addSkipOn(RemoteProblemException.class)
                .build();
    }

    /** The calls to {@code service}, as the REST client config names it ({@code billing}). */
    public static RemoteCalls to(String service) {
        RemoteCalls calls = new RemoteCalls(service);
        BY_SERVICE.put(service, calls);
        return calls;
    }

    /** Whether the breaker of the calls to {@code service} is open now (false before the first gateway to it). */
    static boolean circuitOpen(String service) {
        RemoteCalls calls = BY_SERVICE.get(service);
        return calls != null && calls.breaker.state() == CircuitBreaker.State.OPEN;
    }

    /** The remote call's answer; a refusal as {@link RemoteProblemException}, no answer as {@link UnavailableException}. */
    public <T> T call(Supplier<T> request) {
        try {
            return retry.invoke(() -> breaker.invoke(() -> attempt(request)));
        } catch (ProcessingException | RemoteFailureException | CircuitBreakerOpenException | RetryTimeoutException e) {
            LOG.log(Level.WARNING, () -> service + " could not be asked: " + e);
            throw new UnavailableException(service, e);
        }
    }

    /** As {@link #call}, for a request that answers nothing. */
    public void run(Runnable request) {
        call(() -> {
            request.run();
            return null;
        });
    }

    /** One attempt; one that timed out leaves as a {@link RemoteFailureException}, which is not retried. */
    private static <T> T attempt(Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            if (timedOut(e)) {
                throw new RemoteFailureException("No answer within the client's timeout: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The clients' {@code HttpURLConnection} throws {@link SocketTimeoutException} for both timeouts. */
    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
