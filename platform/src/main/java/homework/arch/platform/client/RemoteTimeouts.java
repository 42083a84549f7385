package homework.arch.platform.client;

import java.net.SocketTimeoutException;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ProcessingException;

/**
 * Bounds each call to another service by its REST client's own {@code connectTimeout} and
 * {@code readTimeout}, which end it on the calling thread, rather than by a fault-tolerance
 * {@code @Timeout}, which watches every call from a thread of its own. A call that timed out leaves
 * (the clients' {@code HttpURLConnection} throws {@code SocketTimeoutException} for both) as a
 * {@link RemoteFailureException}, not as the {@code ProcessingException} the client throws, so
 * that a gateway's {@code @Retry(retryOn = ProcessingException.class)} does not ask a service that
 * did not answer in time again at once, while its circuit breaker counts the failure. Its priority
 * is above fault tolerance's (4010): it runs inside it, once per attempt.
 */
@Interceptor
@RemoteService("")
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class RemoteTimeouts {

    @AroundInvoke
    Object call(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (ProcessingException e) {
            if (timedOut(e)) {
                throw new RemoteFailureException("No answer within the client's timeout: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
