package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import homework.arch.stack.fixtures.Repository;

/**
 * The table of {@code stack/benchmark/compare}: the runs it made of a commit before a change and
 * after it, in folders {@code before-1}, {@code after-1}, {@code before-2}, ..., summed up measure by
 * measure as the median of each side's runs and their range. One run is not enough to see a change of
 * a few per cent on two shared cores, whose speed drifts over the hours; the runs alternate so the
 * drift falls on both sides, and the ranges show whether the two sides overlap. A measure an older
 * commit's runs do not record is shown as "—".
 */
public final class Comparison {

    static final String FILE = "comparison.md";
    static final String BEGIN = "<!-- comparison:begin (written by stack/benchmark/compare --publish; edits here are lost) -->";
    static final String END = "<!-- comparison:end -->";
    /** A run's CPU time per order of one process (or total) is the measure of this prefix and its name. */
    static final String CPU = "cpu: ";
    private static final Pattern RUN = Pattern.compile("(before|after)-(\\d+)");
    /** Run names in the order they ran: by number, before first. */
    private static final Comparator<String> RUN_ORDER = Comparator.comparingInt(Comparison::runNumber)
            .thenComparing(name -> name.startsWith("after"));

    /** A row of the table: what it shows, the run's number it is, and how many decimals it shows. */
    record Measure(String label, String key, int decimals) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("saturation (orders/s)", "saturation", 0),
            new Measure("pipeline saturation (orders/s)", "pipelineSaturation", 0),
            new Measure("database write limit, pgbench (orders/s)", "databaseLimit", 0),
            new Measure("saturation / database limit", "ratio", 2));
    private static final List<Measure> LATER_MEASURES = List.of(
            new Measure("fixed rate: p99 latency (ms)", "fixedP99", 0),
            new Measure("fixed rate: errors", "fixedErrors", 0),
            new Measure("fixed rate's lead-in: errors", "leadInErrors", 0),
            new Measure("fixed rate's lead-in: p99 latency (ms)", "leadInP99", 0),
            new Measure("fixed rate: order → letter lag p99 (ms)", "letterLagP99", 0),
            new Measure("the stack's peak Pss (MB)", "peakPssMb", 0));

    /** The median and the range of one measure over the runs that recorded it. */
    record Spread(double median, double min, double max, int runs) {

        static Optional<Spread> of(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).sorted().toArray();
            if (v.length == 0) {
                return Optional.empty();
            }
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            return Optional.of(new Spread(median, v[0], v[v.length - 1], v.length));
        }
    }

    /** One run's output folder: its name ({@code after-2}), its commit and command line, its numbers by key. */
    record Run(String name, String commit, String arguments, Map<String, Double> numbers) {
    }

    private Comparison() {
    }

    /** {@code [--publish] [folder]}: writes the folder's comparison.md; --publish also puts it into docs/performance.md. */
    public static void main(String[] args) {
        List<String> options = new ArrayList<>(List.of(args));
        boolean publish = options.remove("--publish");
        Path folder = options.isEmpty() ? Repository.root().resolve("stack/benchmark/target/compare")
                : Path.of(options.getFirst());
        if (publish) {
            requireDefaultStyle(folder);
        }
        String markdown = write(folder);
        System.out.println(markdown);
        if (publish) {
            publish(markdown, Repository.root());
            System.out.println("Published into docs/performance.md");
        }
    }

    /** Reads the runs in {@code folder} and writes their comparison into it; returns its text. */
    static String write(Path folder) {
        List<Run> before = new ArrayList<>();
        List<Run> after = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (Path run : runs(folder)) {
            Optional<Run> read = read(run);
            read.ifPresentOrElse(r -> (r.name().startsWith("before") ? before : after).add(r),
                    () -> unfinished.add(run.getFileName().toString()));
        }
        String markdown = markdown(before, after, unfinished);
        try {
            Files.writeString(folder.resolve(FILE), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return markdown;
    }

    /**
     * Refuses runs in a style other than the default: docs/performance.md, where a comparison is
     * published, is the default style's page.
     */
    static void requireDefaultStyle(Path folder) {
        for (Path run : runs(folder)) {
            try {
                String style = RunRecord.properties(run).getProperty("style", Settings.DEFAULT_STYLE.configName());
                if (!style.equals(Settings.DEFAULT_STYLE.configName())) {
                    throw new IllegalStateException(run.getFileName() + " ran in style " + style + ": docs/performance.md "
                            + "is style " + Settings.DEFAULT_STYLE + "'s, so its comparison is not published there");
                }
            } catch (IOException e) {
                // an unfinished run, which the comparison leaves out
            }
        }
    }

    /** Puts the comparison, without its heading, between the markers of docs/performance.md in {@code repo}. */
    static void publish(String markdown, Path repo) {
        Path doc = repo.resolve("docs/performance.md");
        try {
            String body = markdown.replaceFirst("(?s)^# [^\n]*\n+", "");
            Files.writeString(doc, Publish.replaceBetween(Files.readString(doc), BEGIN, END, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The numbers of the run in {@code folder}, or nothing if it did not finish: {@code run.properties},
     * the saturation's ratio to the database limit, and the CPU time per order of {@code cpu.csv}. In
     * the runs of commits from before the load generator was measured, "all" is the stack's total.
     */
    static Optional<Run> read(Path folder) {
        Properties run;
        Map<String, Double> cpu;
        try {
            run = RunRecord.properties(folder);
            cpu = RunRecord.cpu(folder);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        run.stringPropertyNames().forEach(key -> number(run.getProperty(key)).ifPresent(n -> numbers.put(key, n)));
        double saturation = numbers.getOrDefault("saturation", Double.NaN);
        double limit = numbers.getOrDefault("databaseLimit", Double.NaN);
        if (limit > 0) {
            numbers.put("ratio", saturation / limit);
        }
        boolean stackOnly = !cpu.containsKey(CpuTime.LOAD_GENERATOR);
        cpu.forEach((process, ms) -> numbers.put(CPU + (stackOnly && process.equals(RunRecord.ALL)
                || process.equals(RunRecord.STACK_BEFORE) ? RunRecord.STACK : process), ms));
        return Optional.of(new Run(folder.getFileName().toString(), run.getProperty("commit", "unknown"),
                RunRecord.options(run.getProperty("arguments", "")), numbers));
    }

    static String markdown(List<Run> before, List<Run> after, List<String> unfinished) {
        StringBuilder md = new StringBuilder("# Before and after\n\n");
        md.append(f("Before: %s; after: %s. %d and %d runs, alternating (%s), each `%s`. "
                        + "Each cell is the median of the side's runs and, in brackets, their range; "
                        + "\"—\": no run recorded it (an older commit's runs).%n", commits(before), commits(after),
                before.size(), after.size(), Stream.concat(before.stream(), after.stream()).map(Run::name)
                        .sorted(RUN_ORDER).collect(Collectors.joining(", ")),
                Stream.concat(before.stream(), after.stream()).map(r -> ("stack/benchmark/run " + r.arguments()).trim())
                        .distinct().collect(Collectors.joining("` / `"))));
        if (!unfinished.isEmpty()) {
            md.append(f("%nUnfinished, left out: %s.%n", String.join(", ", unfinished)));
        }
        md.append("\n| measure | before | after | after / before (medians) |\n|---|---|---|---|\n");
        List<Measure> measures = new ArrayList<>(MEASURES);
        measures.addAll(cpuMeasures(before, after));
        measures.addAll(LATER_MEASURES);
        for (Measure measure : measures) {
            Optional<Spread> b = spread(before, measure.key());
            Optional<Spread> a = spread(after, measure.key());
            md.append(f("| %s | %s | %s | %s |%n", measure.label(), cell(b, measure.decimals()), cell(a, measure.decimals()),
                    b.isPresent() && a.isPresent() && b.get().median() != 0 ? change(b.get(), a.get()) : "—"));
        }
        return md.toString();
    }

    /** CPU per order: all, the stack's, then each process in the order the runs list them (largest first). */
    private static List<Measure> cpuMeasures(List<Run> before, List<Run> after) {
        Set<String> processes = new LinkedHashSet<>(List.of(RunRecord.ALL, RunRecord.STACK));
        Stream.concat(after.stream(), before.stream()).forEach(run -> run.numbers().keySet().stream()
                .filter(k -> k.startsWith(CPU)).map(k -> k.substring(CPU.length())).forEach(processes::add));
        return processes.stream().map(p -> new Measure("CPU per order: " + p + " (ms)", CPU + p, 2)).toList();
    }

    /** The change of the medians in whole per cent; "0 %" for one that rounds to none, of either sign. */
    private static String change(Spread before, Spread after) {
        long percent = Math.round(100 * (after.median() / before.median() - 1));
        return percent == 0 ? "0 %" : f("%+d %%", percent);
    }

    private static Optional<Spread> spread(List<Run> runs, String key) {
        return Spread.of(runs.stream().map(r -> r.numbers().getOrDefault(key, Double.NaN)).toList());
    }

    private static String cell(Optional<Spread> spread, int decimals) {
        return spread.map(s -> {
            String number = "%." + decimals + "f";
            return f(number + " (" + number + "–" + number + ")", s.median(), s.min(), s.max());
        }).orElse("—");
    }

    private static String commits(List<Run> runs) {
        return runs.isEmpty() ? "no run" : runs.stream().map(r -> "`" + r.commit() + "`").distinct()
                .collect(Collectors.joining(", "));
    }

    /** The run folders in {@code folder}, before-1, after-1, before-2, ... */
    static List<Path> runs(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).filter(p -> RUN.matcher(p.getFileName().toString()).matches())
                    .sorted((x, y) -> RUN_ORDER.compare(x.getFileName().toString(), y.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No runs to compare in " + folder, e);
        }
    }

    private static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int runNumber(String name) {
        Matcher m = RUN.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(2)) : Integer.MAX_VALUE;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
