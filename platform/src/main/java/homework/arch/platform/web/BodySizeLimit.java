package homework.arch.platform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import homework.arch.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code api.max-body-bytes} (default 64 KiB) with a 413 problem: before
 * it is read when its length is declared, and as soon as the limit is passed when it is sent chunked
 * (reading stops there). Every request of this API is a small JSON document. The web server's own
 * {@code server.max-payload-size} stays far above, so the answer is this problem, not a bare 413.
 */
@Provider
@PreMatching
@ApplicationScoped
public class BodySizeLimit implements ContainerRequestFilter {

    private final long maxBytes;

    @Inject
    public BodySizeLimit(@ConfigProperty(name = "api.max-body-bytes") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            request.abortWith(tooLarge().toResponse());
        } else if (request.getLength() < 0 && request.hasEntity()) {
            request.setEntityStream(new CappedInputStream(request.getEntityStream(), maxBytes));
        }
    }

    private Problem tooLarge() {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Payload Too Large",
                "The request body is larger than " + maxBytes + " bytes");
    }

    /** Fails the read with the 413 problem once more than {@code max} bytes came. */
    private final class CappedInputStream extends FilterInputStream {

        private final long max;
        private long read;

        CappedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new WebApplicationException(tooLarge().toResponse());
            }
        }
    }
}
