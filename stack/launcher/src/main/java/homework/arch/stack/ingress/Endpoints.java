package homework.arch.stack.ingress;

import java.net.URI;
import java.util.List;

/**
 * Where the ingress may send a service's next request: the base addresses of its replicas in
 * rotation, as ingress-nginx follows a Service's ready endpoints. Asked once per request; never empty.
 */
@FunctionalInterface
public interface Endpoints {

    List<URI> inRotation();

    /** Replicas that are always in rotation (a service that runs one process has no balancer to ask). */
    static Endpoints fixed(List<URI> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("No endpoint");
        }
        List<URI> copy = List.copyOf(addresses);
        return () -> copy;
    }
}
