package homework.arch.platform.client;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import static java.lang.annotation.ElementType.TYPE;

/**
 * Marks a gateway bean that calls another service: whatever means the service could not be asked
 * (a failed or timed-out connection, no answer within the client's timeout, a 5xx, an open circuit) leaves its
 * methods as one {@code UnavailableException} naming the service ({@link RemoteServiceFailures},
 * which runs outside fault tolerance). A refusal ({@link RemoteProblemException}) passes unchanged.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(TYPE)
public @interface RemoteService {

    /** The service's name, as the client is told it ({@code billing}). */
    @Nonbinding
    String value();
}
