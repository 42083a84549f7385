package homework.arch.stack.fuzz;

/**
 * One malformed request: {@code body} null means none; {@code contentType} null means no header;
 * {@code chunked} sends the body without a length.
 */
record Malformed(String endpoint, String kind, String method, String path, String contentType, String body,
                 String idempotencyKey, boolean chunked) {

    Malformed withKey(String key) {
        return new Malformed(endpoint, kind, method, path, contentType, body, key, chunked);
    }

    String describe() {
        String shown = body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "...(" + body.length() + " chars)" : body;
        return endpoint + " [" + kind + "] " + method + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path)
                + (contentType == null ? " (no Content-Type)" : " (" + contentType + ")") + " " + shown;
    }
}
