package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import homework.arch.stack.fixtures.Repository;

/**
 * Puts one run into the docs: its style's row into the table of the styles in
 * docs/interaction-styles.md ({@link StylesTable}), whatever its style; and a run of the default
 * style also into docs/performance.md, the default style's page: its summary table between
 * {@link #BEGIN} and {@link #END}, and three plots into docs/images/ drawn from the run's own output
 * ({@link RunRecord}, the ramp's Gatling report): throughput and latency against the offered rate
 * during the ramp, and the CPU time per order of every process; and the run's picture of the
 * dashboard ({@link DashboardPicture}), if it has one, into docs/images/dashboard.svg. The plots of a
 * run in another style go into its own output folder, {@code images/}. {@code stack/benchmark/run
 * --publish} does it after the run; for the output folder of an earlier run, {@code java -cp
 * stack/benchmark/target/stack-benchmark.jar homework.arch.stack.benchmark.Publish [out]}.
 */
public final class Publish {

    static final String BEGIN = "<!-- benchmark:begin (written by stack/benchmark/run --publish; edits here are lost) -->";
    static final String END = "<!-- benchmark:end -->";
    static final String PERFORMANCE = "docs/performance.md";
    static final String THROUGHPUT = "benchmark-throughput.svg";
    static final String LATENCY = "benchmark-latency.svg";
    static final String CPU = "benchmark-cpu.svg";
    /** Where the plots of a run in a style other than the default go, in its output folder. */
    static final String RUN_IMAGES = "images";
    static final int BIN_SECONDS = 5;

    private Publish() {
    }

    public static void main(String[] args) {
        Path out = args.length > 0 ? Path.of(args[0]) : Repository.root().resolve("stack/benchmark/target/benchmark");
        List<Path> written = publish(out.toAbsolutePath(), Repository.root());
        System.out.println("Published " + out + " into " + written.stream().map(Path::toString)
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    /** Writes the plots and the tables of the run in {@code out} into the checkout at {@code repo}; returns the files written. */
    static List<Path> publish(Path out, Path repo) {
        RunRecord record = RunRecord.read(out);
        boolean defaultStyle = record.style().equals(Settings.DEFAULT_STYLE.configName());
        // Both documents are read, and their markers checked, before anything is written.
        Path styles = repo.resolve(StylesTable.DOC);
        String stylesText = StylesTable.withRow(read(styles), record.style(), StylesTable.row(record));
        Path doc = repo.resolve(PERFORMANCE);
        String docText = defaultStyle ? replaceTable(read(doc), table(record, read(out.resolve("summary.md")))) : null;
        List<Path> written = new ArrayList<>();
        Path images = defaultStyle ? repo.resolve("docs/images") : out.resolve(RUN_IMAGES);
        written.addAll(plots(record, out, images));
        if (defaultStyle) {
            write(doc, docText);
            written.add(doc);
            Path dashboard = out.resolve(DashboardPicture.FILE);
            if (Files.isRegularFile(dashboard)) {
                write(images.resolve(DashboardPicture.FILE), read(dashboard));
                written.add(images.resolve(DashboardPicture.FILE));
            } else {
                System.out.println("No " + dashboard + " (prometheus was not on the PATH): docs/images/"
                        + DashboardPicture.FILE + " is left as it was");
            }
        } else {
            System.out.println("Style " + record.style() + ": " + PERFORMANCE + " and docs/images/ are the default style's ("
                    + Settings.DEFAULT_STYLE + "), left as they were; the plots are in " + images);
        }
        write(styles, stylesText);
        written.add(styles);
        return written;
    }

    /** The three plots of the run into {@code images}. */
    private static List<Path> plots(RunRecord record, Path out, Path images) {
        List<Bin> bins = bins(record, GatlingSeries.read(report(out, "ramp")));
        String subtitle = String.format(Locale.ROOT, "%s at %s, style %s, %s cores; the ramp from %.0f to %.0f orders/s "
                        + "in %d-second steps", record.text("date"), record.text("commit"), record.style(),
                record.text("cores"), record.number("rampFrom"), record.number("rampTo"), BIN_SECONDS);
        String smoke = record.text("arguments").contains("--smoke") ? " (a smoke run: it measures nothing)" : "";
        write(images.resolve(THROUGHPUT), Chart.lines("Orders per second against the offered rate" + smoke, subtitle,
                "offered: POST /orders sent per second", "orders per second", false, List.of(
                        Chart.Series.of("orders settled", "#1E88E5", points(bins, b -> b.settled)),
                        Chart.Series.of("answered 201", "#43A047", points(bins, b -> b.answered)),
                        new Chart.Series("offered (y = x)", "#90A4AE", List.of(new double[] {0, 0},
                                new double[] {maxOffered(bins), maxOffered(bins)}), true))));
        // A log scale cannot show a lag of 0 or less (a letter stored before its order is final): then it is linear.
        boolean signedLag = bins.stream().anyMatch(b -> b.lagP50 <= 0 || b.lagP99 <= 0);
        write(images.resolve(LATENCY), Chart.lines("Latency against the offered rate" + smoke, subtitle,
                "offered: POST /orders sent per second", signedLag
                        ? "ms (p99: the step's worst second; the lag is signed)"
                        : "ms (log scale; p99: the step's worst second)", !signedLag, List.of(
                        Chart.Series.of("p50, POST /orders", "#1E88E5", points(bins, b -> b.p50)),
                        Chart.Series.of("p99, POST /orders", "#0D47A1", points(bins, b -> b.p99)),
                        Chart.Series.of("p50, order → letter", "#FB8C00", points(bins, b -> b.lagP50)),
                        Chart.Series.of("p99, order → letter", "#E65100", points(bins, b -> b.lagP99)))));
        write(images.resolve(CPU), Chart.bars("CPU time per settled order, by process" + smoke,
                record.text("date") + " at " + record.text("commit") + ", style " + record.style()
                        + "; the measured minute of the closed model", "ms", record.cpuMillisPerOrder()));
        return List.of(images.resolve(THROUGHPUT), images.resolve(LATENCY), images.resolve(CPU));
    }

    /** One step of the ramp: offered and answered requests, settled orders, latencies. */
    record Bin(double offered, double answered, double settled, double p50, double p99, double lagP50, double lagP99) {
    }

    static List<Bin> bins(RunRecord record, GatlingSeries ramp) {
        long from = record.instant("rampStart").getEpochSecond();
        long to = record.instant("rampEnd").getEpochSecond();
        List<Bin> bins = new ArrayList<>();
        for (long start = from; start + BIN_SECONDS <= to + 1; start += BIN_SECONDS) {
            long end = start + BIN_SECONDS;
            List<GatlingSeries.Second> seconds = new ArrayList<>();
            for (long s = start; s < end; s++) {
                GatlingSeries.Second second = ramp.seconds().get(s);
                if (second != null) {
                    seconds.add(second);
                }
            }
            if (seconds.isEmpty()) {
                continue;
            }
            Instant a = Instant.ofEpochSecond(start);
            Instant b = Instant.ofEpochSecond(end);
            List<OrderLog.Order> settled = record.orders().stream().filter(OrderLog.Order::settled)
                    .filter(o -> !o.updatedAt().isBefore(a) && o.updatedAt().isBefore(b)).toList();
            double[] lags = settled.stream().filter(o -> o.letterAt() != null).mapToDouble(o -> o.lag().toNanos() / 1e6)
                    .sorted().toArray();
            double[] p50s = seconds.stream().mapToDouble(GatlingSeries.Second::p50).filter(v -> !Double.isNaN(v)).sorted().toArray();
            bins.add(new Bin(seconds.stream().mapToLong(GatlingSeries.Second::sent).sum() / (double) BIN_SECONDS,
                    seconds.stream().mapToLong(GatlingSeries.Second::ok).sum() / (double) BIN_SECONDS,
                    settled.size() / (double) BIN_SECONDS,
                    percentile(p50s, 50),
                    seconds.stream().mapToDouble(GatlingSeries.Second::p99).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN),
                    percentile(lags, 50), percentile(lags, 99)));
        }
        return bins;
    }

    /** The summary's tables up to the statement profile, under a line that says which run it is. */
    static String table(RunRecord record, String summary) {
        String body = summary.replaceFirst("(?s)^# [^\n]*\n+", "");
        int cut = Stream.of("\nRound trips to PostgreSQL", "\nGatling reports").mapToInt(body::indexOf).filter(i -> i >= 0)
                .min().orElse(body.length());
        return "Run of " + record.text("date") + " at commit " + record.text("commit") + " (`"
                + ("stack/benchmark/run " + RunRecord.options(record.text("arguments"))).strip() + "`):\n\n"
                + body.substring(0, cut).strip() + "\n";
    }

    static String replaceTable(String doc, String table) {
        return replaceBetween(doc, BEGIN, END, table);
    }

    /** {@code doc} with what stands between the lines {@code begin} and {@code end} replaced by {@code text}. */
    static String replaceBetween(String doc, String begin, String end, String text) {
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("the document has no " + begin + " ... " + end + " section");
        }
        return doc.substring(0, from + begin.length()) + "\n" + text + doc.substring(to);
    }

    private static Path report(Path out, String phase) {
        try (Stream<Path> reports = Files.list(out.resolve("gatling").resolve(phase))) {
            return reports.filter(r -> Files.isRegularFile(r.resolve("index.html"))).max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("No Gatling report of the " + phase + " in " + out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<double[]> points(List<Bin> bins, java.util.function.ToDoubleFunction<Bin> y) {
        return bins.stream().map(b -> new double[] {b.offered, y.applyAsDouble(b)}).toList();
    }

    private static double maxOffered(List<Bin> bins) {
        return bins.stream().mapToDouble(Bin::offered).max().orElse(1);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
