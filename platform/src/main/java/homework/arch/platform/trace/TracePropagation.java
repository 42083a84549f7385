package homework.arch.platform.trace;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Sends the current trace on with an outgoing REST call, as a new span of it. Register it on every
 * REST client interface ({@code @RegisterProvider(TracePropagation.class)}).
 */
public class TracePropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        Tracing.current().ifPresent(span -> request.getHeaders().putSingle(Tracing.HEADER, span.child().header()));
    }
}
