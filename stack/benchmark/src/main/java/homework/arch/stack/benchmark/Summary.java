package homework.arch.stack.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import homework.arch.stack.StackStyle;

/**
 * The short markdown tables of one run: the style the stack ran in, what it measured, memory and CPU
 * by process, the statements, where the services' CPU went. The order-to-letter lag is signed: in a
 * style that stores the letter before the order is final it may be negative.
 */
record Summary(StackStyle style, Machine machine, String loadAtEnd, double readySeconds, Closed closed, double saturation,
               double pipelineSaturation, double rampTo, GatlingStats ramp, Backlog backlog, double fixedRate, GatlingStats leadIn,
               GatlingStats fixed, Settled settled, Lag lag, Stalls leadInStalls, Stalls stalls, Map<String, Long> statuses, Memory.Peak memory,
               DatabaseLimit.Result limit, Profiler.Result profiles) {

    /** After the ramp: how long until every settled order had its letter, and how many never did. */
    record Backlog(Duration caughtUpAfter, long lettersMissing) {
    }

    /**
     * What may have held the order path up in a phase of the fixed rate (its lead-in, or the rest, for {@code length}):
     * when its slowest orders came, the GC pauses of the services and of the load generator, the stack's
     * JIT compilations.
     */
    record Stalls(Tail tail, Pauses services, Pauses loadGenerator, CpuTime jit, Duration length) {
    }

    /**
     * The measured minute of closed-model load after the warm-up: orders settled, CPU time spent (of it,
     * the JIT compilers' in {@code jit}).
     */
    record Closed(int clients, Instant from, Instant to, long orders, double perSecond, CpuTime cpu, CpuTime jit,
                  Statements.Profile statements) {

        double millisPerOrder(Duration time) {
            return orders == 0 ? 0 : time.toNanos() / 1e6 / orders;
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Order-flow benchmark\n\n");
        md.append(f("Style: %s (`--style`).%n%n", style.configName()));
        md.append(f("Machine: %d cores, %d MB, %s; load average %s at start, %s at end.%n%n", machine.cores(),
                machine.memoryMb(), machine.jdk(), machine.loadAverage(), loadAtEnd));
        md.append("| measure | value |\n|---|---|\n");
        row(md, "ready (Stack.start, fresh data folder)", f("%.1f s", readySeconds));
        row(md, f("throughput, closed model (%d clients, %d s after the warm-up)", closed.clients(),
                Duration.between(closed.from(), closed.to()).toSeconds()), f("%.0f orders/s", closed.perSecond()));
        // Settled orders close to the ramp's top rate, with every POST taken, say that the ramp ended before
        // the stack saturated (where orders settle after the answer, a backlog may even settle faster).
        row(md, f("throughput at saturation (open-model ramp to %.0f/s, best 5 s of settled orders)", rampTo),
                f("%.0f orders/s%s", saturation, saturation >= 0.9 * rampTo && ramp.failed() == 0
                        ? "; **the ramp's top, not the stack's: run again with a higher --ramp-to**" : ""));
        row(md, f("throughput the whole pipeline sustains (best 5 s of the ramp before %d s in a row each had a late "
                + "order: its letter %d s or more after it%s)", Throughput.WINDOW_SECONDS, Throughput.LETTER_LAG_BOUND.toSeconds(),
                Settled.inTheAnswer(style) ? "" : ", or the order settled that long after it was placed"),
                f("%.0f orders/s", pipelineSaturation));
        row(md, "letters caught up after the ramp (the letters' backlog past saturation)",
                f("%d s; %d letters still missing then", backlog.caughtUpAfter().toSeconds(), backlog.lettersMissing()));
        double ratio = limit.ordersPerSecond() > 0 ? saturation / limit.ordersPerSecond() : 0;
        row(md, f("database write limit (%s, %d clients, %d s)", limit.tool(), limit.clients(), limit.seconds()),
                f("%.0f orders/s; ours = %.2f of it", limit.ordersPerSecond(), ratio));
        row(md, f("latency at the fixed rate (%.0f/s, %d requests after the lead-in) p50 / p95 / p99", fixedRate,
                fixed.requests()), f("%.0f / %.0f / %.0f ms", fixed.p50(), fixed.p95(), fixed.p99()));
        if (leadIn != null) {
            row(md, f("latency in the fixed rate's lead-in (its first %d requests, after the load generator's warm-up) "
                    + "p50 / p95 / p99", leadIn.requests()), f("%.0f / %.0f / %.0f ms", leadIn.p50(), leadIn.p95(), leadIn.p99()));
        }
        row(md, "time until the order is settled at the fixed rate p50 / p99",
                f("%.0f / %.0f ms (%s)", settled.p50(), settled.p99(), settled.measuredBy()));
        row(md, "order → letter lag at the fixed rate p50 / p99 (max), signed: the letter's createdAt minus the order's updatedAt",
                f("%.0f / %.0f (%.0f) ms; %d of %d letters missing", lag.p50(), lag.p99(), lag.max(), lag.missing(),
                        lag.orders()));
        stalls(md);
        OrderSimulation.Answer answer = OrderSimulation.answer(style);
        row(md, f("errors (non-%d or timeout): ramp / fixed-rate lead-in / fixed", answer.status()),
                f("%d of %d / %s / %d of %d", ramp.failed(), ramp.requests(),
                        leadIn == null ? "none" : f("%d of %d", leadIn.failed(), leadIn.requests()), fixed.failed(),
                        fixed.requests()));
        // Pss splits shared pages: the sum of RSS counts PostgreSQL's shared buffers once per backend.
        row(md, "whole stack, peak resident memory (sum of VmRSS / of Pss)",
                f("%d MB / %d MB", memory.totalRssKb() / 1024, memory.totalPssKb() / 1024));
        md.append(f("%n`POST /orders` in style %s: a placed order answers %d with %s; any other answer is an error.%n",
                style.configName(), answer.status(), String.join(" or ", answer.orderStatuses())));
        md.append("\nOrders by final status (both phases): ").append(new TreeMap<>(statuses)).append("\n\n");
        md.append("| process | peak VmRSS | peak Pss |\n|---|---|---|\n");
        new TreeMap<>(memory.rssKb()).forEach((name, rss) -> md.append(f("| %s | %d MB | %d MB |%n", name, rss / 1024,
                memory.pssKb().getOrDefault(name, 0L) / 1024)));
        double allMillis = closed.millisPerOrder(closed.cpu().total());
        double stackMillis = closed.millisPerOrder(closed.cpu().stack());
        md.append(f("%nCPU time per settled order in the closed-model minute (%d orders), by process, with the load "
                + "generator's whole JVM (start, load and report) and the benchmark's own, which share the cores; "
                + "%d cores give at most %.0f orders/s at the stack's cost, %.0f with theirs:%n%n", closed.orders(),
                machine.cores(), machine.cores() * 1000 / Math.max(0.001, stackMillis),
                machine.cores() * 1000 / Math.max(0.001, allMillis)));
        md.append("| process | CPU per order |\n|---|---|\n");
        closed.cpu().used().entrySet().stream()
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .forEach(e -> md.append(f("| %s | %.1f ms |%n", e.getKey(), closed.millisPerOrder(e.getValue()))));
        md.append(f("| **%s** | **%.1f ms** |%n", RunRecord.STACK, stackMillis));
        md.append(f("| **%s** | **%.1f ms** |%n", RunRecord.ALL, allMillis));
        md.append(f("%nOf the stack's CPU in that minute, %.2f ms per order was its JVMs' JIT compilers' (most in %s), still "
                + "compiling after the warm-up.%n", closed.millisPerOrder(closed.jit().total()), closed.jit().most()));
        statements(md);
        profiles(md);
        md.append(f("%nGatling reports: ramp `%s`, fixed `%s` (index.html). Ramp mean %.0f req/s.%n", ramp.report(),
                fixed.report(), ramp.meanPerSecond()));
        return md.toString();
    }

    private void stalls(StringBuilder md) {
        if (leadInStalls != null) {
            stalls(md, "the fixed rate's lead-in", leadInStalls);
        }
        stalls(md, "the fixed rate", stalls);
    }

    private static void stalls(StringBuilder md, String phase, Stalls stalls) {
        Tail tail = stalls.tail();
        row(md, f("%s: its slowest 1 %% of orders (%.0f ms or more in orders, from storing the order to its final "
                + "status), the seconds they were placed in", phase, tail.thresholdMillis()),
                f("%d of %d orders, placed in %d of its %d seconds; the worst 3 seconds hold %d of them", tail.slow(),
                        tail.orders(), tail.secondsWithSlow(), tail.seconds(), tail.inWorstThree()));
        row(md, f("%s: what held cores in its %d s: GC pauses of the services / of the load generator; the stack's JIT "
                + "compilers", phase, stalls.length().toSeconds()),
                f("%s / %s; %.1f s of CPU, most in %s", pauses(stalls.services()), pauses(stalls.loadGenerator()),
                        stalls.jit().total().toMillis() / 1000.0, stalls.jit().most()));
    }

    private static String pauses(Pauses pauses) {
        return pauses.longest().map(longest -> f("%d, %.0f ms in all, the longest %.0f ms (%s)", pauses.pauses().size(),
                pauses.totalMillis(), longest.millis(), longest.jvm())).orElse("none");
    }

    /** The run's numbers for {@code run.properties}, where {@link Comparison} reads them; latencies in ms. */
    Properties properties() {
        Properties run = new Properties();
        run.setProperty("style", style.configName());
        run.setProperty("closedPerSecond", String.valueOf(closed.perSecond()));
        run.setProperty("saturation", String.valueOf(saturation));
        run.setProperty("pipelineSaturation", String.valueOf(pipelineSaturation));
        run.setProperty("fixedRate", String.valueOf(fixedRate));
        run.setProperty("databaseLimit", String.valueOf(limit.ordersPerSecond()));
        run.setProperty("fixedRequests", String.valueOf(fixed.requests()));
        run.setProperty("fixedErrors", String.valueOf(fixed.failed()));
        run.setProperty("fixedP50", String.valueOf(fixed.p50()));
        run.setProperty("fixedP99", String.valueOf(fixed.p99()));
        run.setProperty("settledP50", String.valueOf(settled.p50()));
        run.setProperty("settledP99", String.valueOf(settled.p99()));
        run.setProperty("settledMeasuredBy", settled.measuredBy());
        if (leadIn != null) {
            run.setProperty("leadInRequests", String.valueOf(leadIn.requests()));
            run.setProperty("leadInErrors", String.valueOf(leadIn.failed()));
            run.setProperty("leadInP99", String.valueOf(leadIn.p99()));
        }
        run.setProperty("letterLagP50", String.valueOf(lag.p50()));
        run.setProperty("letterLagP99", String.valueOf(lag.p99()));
        run.setProperty("peakPssMb", String.valueOf(memory.totalPssKb() / 1024));
        run.setProperty("closedJitMillisPerOrder", String.valueOf(closed.millisPerOrder(closed.jit().total())));
        run.setProperty("fixedJitMillis", String.valueOf(stalls.jit().total().toMillis()));
        run.setProperty("fixedGcPauseMillis", String.valueOf(stalls.services().totalMillis()));
        run.setProperty("fixedLoadGeneratorGcPauseMillis", String.valueOf(stalls.loadGenerator().totalMillis()));
        run.setProperty("fixedSlowInWorstThreeSeconds", String.valueOf(stalls.tail().inWorstThree()));
        if (leadInStalls != null) {
            run.setProperty("leadInJitMillis", String.valueOf(leadInStalls.jit().total().toMillis()));
            run.setProperty("leadInGcPauseMillis", String.valueOf(leadInStalls.services().totalMillis()));
        }
        return run;
    }

    private void statements(StringBuilder md) {
        Statements.Profile profile = closed.statements();
        md.append(f("%nRound trips to PostgreSQL in the same minute, by database (pg_stat_statements):%n%n"));
        md.append("| database | statements per order (BEGIN included) | transactions per order (BEGIN) |\n"
                + "|---|---|---|\n");
        for (Statements.Database database : profile.databases()) {
            md.append(f("| %s | %.2f | %.2f |%n", database.name(), perOrder(database.calls()),
                    perOrder(database.transactions())));
        }
        md.append(f("%nThe statements by execution time (%.0f ms in all, %.2f ms per order; commits' log flushes%s "
                + "are not statements):%n%n", profile.totalMillis(), perOrder(profile.totalMillis()),
                style.broker() ? " and the relay's decoding" : ""));
        md.append("| database | statement | calls per order | mean | share |\n|---|---|---|---|---|\n");
        for (Statements.Query query : profile.top()) {
            String text = query.query().length() > 100 ? query.query().substring(0, 100) + "…" : query.query();
            md.append(f("| %s | `%s` | %.2f | %.3f ms | %.0f %% |%n", query.database(), text.replace("|", "\\|"),
                    perOrder(query.calls()), query.meanMillis(),
                    profile.totalMillis() == 0 ? 0 : 100 * query.totalMillis() / profile.totalMillis()));
        }
    }

    private void profiles(StringBuilder md) {
        String periods = profiles.profiles().values().stream().map(Profile::period).distinct()
                .collect(Collectors.joining(", "));
        md.append(f("%nWhere each service's JVM spends its CPU under the same load, from a JFR recording in a closed-model minute "
                + "of its own after the fixed rate (`settings=profile`, a running thread's stack every %s; so neither its "
                + "CPU nor its memory is in the figures above): the top "
                + "5 methods by self samples (their own code was running), and the parts of the service whose code "
                + "was anywhere in the sampled stacks (a sample counts for each part in it, so the shares overlap: "
                + "fault tolerance holds the remote call it wraps). The top %d by self and by total samples are in "
                + "`profiles/<service>.txt`, the recordings in `profiles/<service>.jfr`.%n%n", periods, Profiler.TOP));
        profiles.profiles().forEach((service, profile) -> md.append(f("- %s, %d samples: %s%n  - parts: %s%n", service,
                profile.samples(),
                profile.self().stream().limit(5).map(s -> f("%.1f %% `%s`", profile.percent(s), s.method()))
                        .collect(Collectors.joining("; ")),
                profile.libraries().stream().map(s -> f("%s %.0f %%", s.method(), profile.percent(s)))
                        .collect(Collectors.joining(", ")))));
        profiles.missing().forEach((service, why) -> md.append(f("- %s: no profile, %s%n", service, why)));
    }

    private double perOrder(double count) {
        return closed.orders() == 0 ? 0 : count / closed.orders();
    }

    private static void row(StringBuilder md, String what, String value) {
        md.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
