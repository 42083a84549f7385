package homework.arch.platform.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import homework.arch.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Handles at most {@code api.max-concurrent-requests} API requests at once (0, the default: no
 * limit). Up to {@code api.max-waiting-requests} more wait up to {@code api.max-wait} for a turn, so
 * that the requests arriving during a short stall (a collection, a slow commit, a busy core) are
 * served late instead of failing: the wait, not the queue's length, tells a stall from an overload.
 * A request whose turn does not come within the wait, or that finds the queue full, is overload: a
 * 503 problem with {@code Retry-After: 1}, on a connection that stays open, and nothing of the
 * request is done. Health, metrics and OpenAPI are not JAX-RS resources and are never held
 * back, so the probes answer during an overload. In {@code /metrics}: {@code api.requests.active},
 * {@code api.requests.waiting} and {@code api.requests.shed}.
 *
 * <p>Helidon's own {@code server.max-concurrent-requests} has no wait, answers a plain-text 503 and
 * closes the connection.
 */
@Provider
@ApplicationScoped
public class RequestLimit implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String HOLDS_PERMIT = RequestLimit.class.getName() + ".permit";

    private final int maxConcurrent;
    private final int maxWaiting;
    private final Duration maxWait;
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Counter shed;

    @Inject
    public RequestLimit(@ConfigProperty(name = "api.max-concurrent-requests") int maxConcurrent,
                        @ConfigProperty(name = "api.max-waiting-requests") int maxWaiting,
                        @ConfigProperty(name = "api.max-wait") Duration maxWait) {
        if (maxConcurrent < 0 || maxWaiting < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException(
                    "api.max-concurrent-requests, api.max-waiting-requests and api.max-wait must not be negative");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
        this.permits = new Semaphore(maxConcurrent);
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started, MetricRegistry registry) {
        if (maxConcurrent > 0) {
            registry.gauge("api.requests.active", this, RequestLimit::active);
            registry.gauge("api.requests.waiting", this, RequestLimit::waiting);
            shed = registry.counter("api.requests.shed");
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (maxConcurrent == 0) {
            return;
        }
        if (acquire()) {
            request.setProperty(HOLDS_PERMIT, Boolean.TRUE);
            return;
        }
        if (shed != null) {
            shed.inc();
        }
        request.abortWith(overloaded().toResponse());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(HOLDS_PERMIT) != null) {
            request.removeProperty(HOLDS_PERMIT);
            permits.release();
        }
    }

    /** Requests being handled now. */
    public int active() {
        return maxConcurrent - permits.availablePermits();
    }

    /** Requests waiting for a turn now. */
    public int waiting() {
        return waiting.get();
    }

    private boolean acquire() {
        if (permits.tryAcquire()) {
            return true;
        }
        try {
            if (waiting.incrementAndGet() > maxWaiting) {
                return false;
            }
            return permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private Problem overloaded() {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "overloaded", "Service Unavailable",
                "More than " + maxConcurrent + " requests at once; nothing was done, retry the same request");
    }
}
