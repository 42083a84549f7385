package homework.arch.platform.resilience;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.glassfish.jersey.process.internal.RequestScope;

/**
 * Gives back the lookup that Helidon's fault tolerance leaks on every call of a fault-tolerant method
 * (helidon-io/helidon#12130, fixed upstream in releases after 4.2.3, the newest this build can take).
 *
 * <p>Before each call, Helidon 4.2 saves the caller's request scope:
 * {@code CDI.current().select(RequestScope.class).get()}. Jersey offers its {@link RequestScope} to CDI
 * as a {@code @Dependent} bean, so Weld records every such lookup as a dependent instance of the
 * container-wide {@code Instance} that Helidon caches, and keeps it until the service stops: the heap
 * grows with every call ({@code OrderResourceTest} counts the lookups kept).
 *
 * <p>The bean hands out the one request scope object of the application and its {@code destroy} does
 * nothing, so every recorded lookup is the same object, and giving any of them back is safe. This
 * interceptor runs around fault tolerance's own (its priority is lower), once per call, in the
 * caller's thread: it looks the scope up once more, and destroys two records of it, its own and the
 * one fault tolerance left.
 */
@Interceptor
@ReleasesRequestScopeLookup
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class RequestScopeLookupRelease {

    private static final Logger LOG = Logger.getLogger(RequestScopeLookupRelease.class.getName());

    @AroundInvoke
    Object callAndRelease(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } finally {
            release();
        }
    }

    private static void release() {
        try {
            Instance<RequestScope> lookups = CDI.current().select(RequestScope.class);
            RequestScope scope = lookups.get();
            lookups.destroy(scope);
            lookups.destroy(scope);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Request scope lookup not released", e);
        }
    }
}
