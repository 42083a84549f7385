package homework.arch.platform.resilience;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

/**
 * Binds {@link RequestScopeLookupRelease}. {@link FaultToleranceLeakGuard} puts it on every
 * fault-tolerant method; nobody writes it by hand.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReleasesRequestScopeLookup {

    /** The annotation as a value, for the extension to add. */
    final class Literal extends AnnotationLiteral<ReleasesRequestScopeLookup> implements ReleasesRequestScopeLookup {

        static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
