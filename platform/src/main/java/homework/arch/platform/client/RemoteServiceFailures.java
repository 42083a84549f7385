package homework.arch.platform.client;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import homework.arch.platform.failure.UnavailableException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The one place where "could not ask" becomes {@link UnavailableException}. Its priority is below
 * fault tolerance's, so it sees what is left after the retries and the circuit breaker.
 */
@Interceptor
@RemoteService("")
@Priority(Interceptor.Priority.APPLICATION + 900)
public class RemoteServiceFailures {

    private static final Logger LOG = System.getLogger(RemoteServiceFailures.class.getName());

    @AroundInvoke
    Object call(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (FaultToleranceException | ProcessingException | RemoteFailureException e) {
            String service = service(call);
            LOG.log(Level.WARNING, "{0} could not be asked ({1}): {2}", service, call.getMethod().getName(),
                    e.toString());
            throw new UnavailableException(service, e);
        }
    }

    private static String service(InvocationContext call) {
        RemoteService remote = call.getMethod().getDeclaringClass().getAnnotation(RemoteService.class);
        if (remote == null) {
            remote = call.getTarget().getClass().getAnnotation(RemoteService.class);
        }
        return remote == null ? "a remote service" : remote.value();
    }
}
