package homework.arch.stack.ingress;

import java.util.Objects;

/**
 * One public route: requests whose normalized path is {@code prefix} or lies under it go to
 * {@code service}. Without {@code upstream} the path is passed unchanged; with it, the prefix is
 * replaced by {@code upstream} ({@code /openapi/users/ui} becomes {@code /openapi/ui}).
 */
public record Route(String prefix, String service, String upstream) {

    public Route {
        Objects.requireNonNull(service, "service");
        requirePlainPath(prefix, "prefix");
        if (upstream != null) {
            requirePlainPath(upstream, "upstream");
        }
        if (isInternal(prefix) || (upstream != null && isInternal(upstream))) {
            throw new IllegalArgumentException("Routes never reach /internal: " + prefix + " -> " + upstream);
        }
    }

    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The path the service sees for a matching {@code path}. */
    public String upstreamPath(String path) {
        return upstream == null ? path : upstream + path.substring(prefix.length());
    }

    /**
     * A {@code Location} the service sent, as the client must follow it: a path under
     * {@code upstream} is moved back under {@code prefix} (what nginx calls {@code proxy_redirect}).
     */
    public String publicLocation(String location) {
        if (upstream == null || !location.startsWith("/")) {
            return location;
        }
        boolean under = location.equals(upstream) || location.startsWith(upstream + "/") || location.startsWith(upstream + "?");
        return under ? prefix + location.substring(upstream.length()) : location;
    }

    private static boolean isInternal(String path) {
        return path.equals("/internal") || path.startsWith("/internal/");
    }

    private static void requirePlainPath(String path, String what) {
        if (path == null || !path.startsWith("/") || path.endsWith("/") || path.contains("//")
                || path.contains("/.") || path.contains("%")) {
            throw new IllegalArgumentException("Route " + what + " must be a plain absolute path: " + path);
        }
    }
}
