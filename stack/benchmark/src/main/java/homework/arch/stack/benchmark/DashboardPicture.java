package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import homework.arch.stack.Stack;
import homework.arch.stack.StackLayout;
import homework.arch.stack.fixtures.Repository;

/**
 * The picture of helm/files/grafana-dashboard.json under the benchmark's load: a real {@link Prometheus}
 * scrapes every process of the stack each second during the ramp and the fixed rate (not in the
 * closed-model minute, whose CPU per order it would add to), labelled as the chart's
 * scrape jobs label the pods, and afterwards every panel's queries are evaluated by it over the ramp
 * and the fixed-rate phase and drawn where the dashboard puts them ({@link PanelGrid}). Grafana
 * would send the same queries. Without {@code prometheus} on the PATH the run goes on without it. In
 * a style without the relay and Kafka, their panels show no data, as Grafana would show them.
 */
final class DashboardPicture implements AutoCloseable {

    static final String FILE = "dashboard.svg";
    static final String DASHBOARD = "helm/files/grafana-dashboard.json";
    static final String TITLE = "Dashboard (" + DASHBOARD + ") during the ramp and the fixed-rate phase";
    /** What the dashboard's {@code $namespace} picks, and the label every target gets. */
    static final String NAMESPACE = "benchmark";
    static final String RELAY = "outbox-relay";
    static final Duration STEP = Duration.ofSeconds(2);
    /**
     * Grafana's {@code $__rate_interval}: at least four scrape intervals, and more than a step, so that
     * every {@code rate()} window holds several samples of the one-second scrape.
     */
    static final String RATE_INTERVAL = "5s";

    /** What evaluates a query over a time range: Prometheus' {@code /api/v1/query_range}. */
    @FunctionalInterface
    interface RangeQuery {
        List<QueryRange.Series> query(String expr, Instant from, Instant to, Duration step);
    }

    private final Optional<Path> executable;
    private final HostedStack stack;
    private final Path out;
    private final Path logs;
    private Optional<Prometheus> prometheus = Optional.empty();

    private DashboardPicture(Optional<Path> executable, HostedStack stack, Path out, Path logs) {
        this.executable = executable;
        this.stack = stack;
        this.out = out;
        this.logs = logs;
    }

    /** What {@link #scrape} will start, its files in {@code out}; says so when there is no {@code prometheus}. */
    static DashboardPicture prepare(HostedStack stack, Path out, Path logs) {
        Optional<Path> executable = Prometheus.onPath();
        if (executable.isEmpty()) {
            System.out.println("prometheus is not on the PATH: no dashboard picture (" + FILE + ") in this run");
        }
        return new DashboardPicture(executable, stack, out, logs);
    }

    /** Starts Prometheus on the stack's processes (nothing without it); {@link #close} stops it. */
    void scrape() {
        executable.ifPresent(path -> {
            Prometheus started = Prometheus.start(path, targets(stack), NAMESPACE, out, logs);
            prometheus = Optional.of(started);
            System.out.println("prometheus at " + started.uri() + " scrapes the stack every second (" + out.resolve(
                    Prometheus.CONFIGURATION) + ")");
        });
    }

    /** Each service process, labelled with its service, and each relay's metrics port in a style that runs them. */
    static List<Prometheus.Target> targets(HostedStack stack) {
        return targets(stack.replicas(), stack.layout(), new StackProcesses(stack).otherRelaysMetricsPorts());
    }

    static List<Prometheus.Target> targets(Map<String, HostedStack.Replica> replicas, StackLayout layout) {
        return targets(replicas, layout, Map.of());
    }

    /** {@code otherRelays}: the metrics ports of the relays of other outboxes than orders', by database. */
    static List<Prometheus.Target> targets(Map<String, HostedStack.Replica> replicas, StackLayout layout,
                                           Map<String, Integer> otherRelays) {
        List<Prometheus.Target> targets = new ArrayList<>();
        replicas.forEach((name, process) -> targets.add(new Prometheus.Target(Stack.SERVICES.stream()
                .filter(s -> name.equals(s) || name.startsWith(s + "-")).findFirst().orElse(name), process.port())));
        if (layout.style().broker()) {
            targets.add(new Prometheus.Target(RELAY, layout.ports().debeziumMetrics()));
            otherRelays.values().forEach(port -> targets.add(new Prometheus.Target(RELAY, port)));
        }
        return targets;
    }

    /**
     * Writes the picture of {@code from} to {@code to} into {@code file}, if Prometheus ran: {@code title}
     * after {@link #TITLE}, {@code subtitle} under it, the dashed line at {@code marker}, where {@code markerLabel}.
     */
    void write(String title, String subtitle, Instant from, Instant marker, String markerLabel, Instant to, Path file) {
        prometheus.ifPresent(server -> {
            String svg = draw(Dashboard.read(Repository.root().resolve(DASHBOARD)), server::queryRange, from, marker,
                    to, TITLE + title, subtitle, markerLabel);
            try {
                Files.writeString(file, svg);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("dashboard picture: " + file);
        });
    }

    /** Every panel of {@code dashboard}, each query evaluated by {@code prometheus} every {@link #STEP}. */
    static String draw(Dashboard dashboard, RangeQuery prometheus, Instant from, Instant marker, Instant to,
                       String title, String subtitle, String markerLabel) {
        Map<String, String> variables = Map.of("namespace", NAMESPACE, "__rate_interval", RATE_INTERVAL);
        List<PanelGrid.Cell> cells = new ArrayList<>();
        for (Dashboard.Panel panel : dashboard.panels()) {
            List<Chart.Series> series = new ArrayList<>();
            for (Dashboard.Query query : panel.queries()) {
                for (QueryRange.Series answer : prometheus.query(Dashboard.promql(query.expr(), variables), from, to, STEP)) {
                    series.add(Chart.Series.of(Dashboard.legend(query.legendFormat(), answer.labels()),
                            PanelGrid.color(series.size()), since(from, answer.points())));
                }
            }
            cells.add(new PanelGrid.Cell(panel, series));
        }
        return PanelGrid.svg(title, subtitle, "seconds since the ramp started; dashed line: " + markerLabel,
                seconds(from, to), seconds(from, marker), cells);
    }

    /**
     * The points with x in seconds since {@code from}, and a gap (NaN) wherever Prometheus has no
     * value for more than a step, as Grafana breaks the line there.
     */
    static List<double[]> since(Instant from, List<double[]> points) {
        double origin = from.toEpochMilli() / 1000.0;
        double step = STEP.toMillis() / 1000.0;
        List<double[]> relative = new ArrayList<>();
        for (double[] p : points) {
            if (!relative.isEmpty() && p[0] - origin - relative.getLast()[0] > 1.5 * step) {
                relative.add(new double[] {relative.getLast()[0] + step, Double.NaN});
            }
            relative.add(new double[] {p[0] - origin, p[1]});
        }
        return relative;
    }

    /** Stops Prometheus; again is harmless. */
    @Override
    public void close() {
        prometheus.ifPresent(Prometheus::close);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
