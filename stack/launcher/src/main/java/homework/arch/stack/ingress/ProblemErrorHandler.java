package homework.arch.stack.ingress;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Every error the ingress produces itself (bad or ambiguous URI, body too large, upstream down or
 * slow) is problem+json like the services' errors, never Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String detail = switch (code) {
            case 413 -> "The request body is larger than the ingress accepts";
            case 502 -> "The service behind this path is not reachable";
            case 504 -> "The service behind this path did not answer in time";
            default -> message == null ? "The ingress rejected this request" : message;
        };
        Problems.write(response, callback, code, detail);
    }
}
