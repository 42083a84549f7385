package homework.arch.stack.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.ServiceProcess;

/**
 * A real Prometheus server (the {@code prometheus} on the PATH) that scrapes static targets every
 * second, each labelled as the chart's scrape jobs label a pod ({@code app_kubernetes_io_component},
 * {@code namespace}), and answers range queries through its HTTP API. It runs as a child process
 * like the stack's own ({@link ServiceProcess}), with its configuration, data and log in folders the
 * caller gives.
 */
final class Prometheus implements AutoCloseable {

    static final String EXECUTABLE = "prometheus";
    static final String CONFIGURATION = "prometheus.yml";
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One process to scrape: {@code /metrics} on its loopback port, labelled with its component. */
    record Target(String component, int port) {
    }

    private final ServiceProcess process;

    private Prometheus(ServiceProcess process) {
        this.process = process;
    }

    /** The {@code prometheus} executable on the PATH, if there is one. */
    static Optional<Path> onPath() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, EXECUTABLE))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }

    /**
     * Writes {@code folder/prometheus.yml}, starts {@code executable} on a free loopback port with its
     * data in {@code folder/prometheus} and its log in {@code logs}, and waits until it is ready.
     */
    static Prometheus start(Path executable, List<Target> targets, String namespace, Path folder, Path logs) {
        try {
            Files.createDirectories(folder);
            Path configuration = folder.resolve(CONFIGURATION);
            Files.writeString(configuration, configuration(targets, namespace));
            int port = Ports.free();
            ServiceProcess process = ServiceProcess.start(EXECUTABLE, List.of(executable.toString(),
                    "--config.file=" + configuration, "--storage.tsdb.path=" + folder.resolve("prometheus"),
                    "--web.listen-address=127.0.0.1:" + port), Map.of(), logs, port);
            try {
                process.awaitHttp("/-/ready", READY_WITHIN);
            } catch (RuntimeException e) {
                process.stop();
                throw e;
            }
            return new Prometheus(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration: every target's {@code /metrics} every second, with its component and namespace as labels. */
    static String configuration(List<Target> targets, String namespace) {
        StringBuilder yaml = new StringBuilder("""
                # Written by the benchmark (Prometheus.java): each process of the stack, scraped every second.
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: stack
                    metrics_path: /metrics
                    static_configs:
                """);
        for (Target target : targets) {
            yaml.append("      - targets: ['127.0.0.1:").append(target.port()).append("']\n")
                    .append("        labels:\n")
                    .append("          app_kubernetes_io_component: ").append(target.component()).append('\n')
                    .append("          namespace: ").append(namespace).append('\n');
        }
        return yaml.toString();
    }

    /** {@code GET /api/v1/query_range}: {@code expr} evaluated every {@code step} from {@code from} to {@code to}. */
    List<QueryRange.Series> queryRange(String expr, Instant from, Instant to, Duration step) {
        URI uri = process.uri().resolve("/api/v1/query_range?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&start=" + seconds(from) + "&end=" + seconds(to) + "&step=" + step.toMillis() / 1000.0);
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Prometheus answered " + answer.statusCode() + " to " + expr + ": "
                        + answer.body());
            }
            return QueryRange.parse(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus did not answer the query " + expr, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    URI uri() {
        return process.uri();
    }

    /** Stops it (SIGTERM, as {@link ServiceProcess#stop}); nothing happens if it has stopped already. */
    @Override
    public void close() {
        process.stop();
    }

    private static String seconds(Instant instant) {
        return String.valueOf(instant.toEpochMilli() / 1000.0);
    }
}
