package homework.arch.stack.ingress;

import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** RFC 9457 bodies for what the ingress itself answers, shaped like the services' problems. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://arch.homework/problems/";

    private Problems() {
    }

    static void write(Response response, Callback callback, int status, String detail) {
        String body = "{\"type\":\"" + TYPE_BASE + slug(status) + "\",\"title\":\"" + json(HttpStatus.getMessage(status))
                + "\",\"status\":" + status + ",\"detail\":\"" + json(detail) + "\"}";
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE);
        response.write(true, StandardCharsets.UTF_8.encode(body), callback);
    }

    private static String slug(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 413 -> "payload-too-large";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status < 500 ? "bad-request" : "ingress-error";
        };
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
