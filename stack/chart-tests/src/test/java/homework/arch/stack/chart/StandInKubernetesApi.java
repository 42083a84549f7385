package homework.arch.stack.chart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers the only question the chart asks a cluster: {@code lookup} of its Secret. helm-java's
 * {@code template} (unlike the helm CLI's) sends lookups to the API server of $KUBECONFIG, and its
 * Go side reads that variable from the process environment only, so Maven sets it (surefire
 * {@code environmentVariables}) and this class writes the file it names, pointing at itself.
 * Secrets put here play those already in the cluster on an upgrade; everything else is 404.
 */
final class StandInKubernetesApi {

    private static final String SECRETS_LIST = """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
             {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""";
    private static final String NOT_FOUND = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""";

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger secretReads = new AtomicInteger();

    static StandInKubernetesApi start() {
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw new IllegalStateException("KUBECONFIG is not set: run the chart tests through Maven "
                    + "(stack/chart-tests/pom.xml sets it), never against a real cluster");
        }
        StandInKubernetesApi api = new StandInKubernetesApi();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", api::answer);
            server.start();
            Path file = Path.of(kubeconfig);
            Files.createDirectories(file.getParent());
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: stand-in, cluster: {server: "http://127.0.0.1:%d"}}]
                    contexts: [{name: stand-in, context: {cluster: stand-in, user: stand-in}}]
                    current-context: stand-in
                    users: [{name: stand-in, user: {}}]
                    """.formatted(server.getAddress().getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return api;
    }

    /** Makes the next renders see this Secret (JSON) in the cluster, as on an upgrade. */
    void putSecret(String namespace, String name, String json) {
        secrets.put("/api/v1/namespaces/" + namespace + "/secrets/" + name, json);
    }

    void clear() {
        secrets.clear();
    }

    int secretReads() {
        return secretReads.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        int status = 200;
        if (path.equals("/api/v1")) {
            body = SECRETS_LIST;
        } else if (path.contains("/secrets/")) {
            secretReads.incrementAndGet();
            body = secrets.get(path);
        } else {
            body = null;
        }
        if (body == null) {
            status = 404;
            body = NOT_FOUND;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
