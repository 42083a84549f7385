package homework.arch.platform.resilience;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Puts {@link RequestScopeLookupRelease} on every method that MicroProfile Fault Tolerance
 * intercepts, so that no fault-tolerant call, present or future, leaks (see that class).
 */
public class FaultToleranceLeakGuard implements Extension {

    /** The same as in {@code @WithAnnotations} below, which takes only a constant. */
    private static final List<Class<? extends Annotation>> FAULT_TOLERANCE = List.of(
            Asynchronous.class, Bulkhead.class, CircuitBreaker.class, Fallback.class, Retry.class, Timeout.class);

    <T> void guard(@Observes @WithAnnotations({Asynchronous.class, Bulkhead.class, CircuitBreaker.class,
            Fallback.class, Retry.class, Timeout.class}) ProcessAnnotatedType<T> type) {
        AnnotatedTypeConfigurator<T> configurator = type.configureAnnotatedType();
        if (faultTolerant(configurator.getAnnotated())) {
            configurator.add(ReleasesRequestScopeLookup.Literal.INSTANCE);
        } else {
            configurator.filterMethods(this::faultTolerant)
                    .forEach(method -> method.add(ReleasesRequestScopeLookup.Literal.INSTANCE));
        }
    }

    private boolean faultTolerant(Annotated annotated) {
        return FAULT_TOLERANCE.stream().anyMatch(annotated::isAnnotationPresent);
    }
}
