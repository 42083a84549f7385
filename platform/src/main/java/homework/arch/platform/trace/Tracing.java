package homework.arch.platform.trace;

import java.util.Optional;

import io.helidon.logging.common.HelidonMdc;

/**
 * The trace the current thread works for. It lives in Helidon's MDC, so it shows in every log line
 * ({@link LogLine}) and follows the work onto any thread that Helidon hands it to.
 */
public final class Tracing {

    /** The W3C header name, on HTTP requests and on Kafka records alike. */
    public static final String HEADER = "traceparent";

    private static final String MDC_TRACEPARENT = "traceparent";
    private static final String MDC_TRACE_ID = "trace_id";

    private Tracing() {
    }

    /** The span the current thread works under, if any. */
    public static Optional<TraceParent> current() {
        return HelidonMdc.get(MDC_TRACEPARENT).flatMap(TraceParent::parse);
    }

    /** The trace id the current thread works for, or "" outside a request or an event. */
    public static String currentTraceId() {
        return HelidonMdc.get(MDC_TRACE_ID).orElse("");
    }

    /**
     * Works under a new span of the trace {@code traceparent} names (an incoming header, a stored
     * value), or of a new trace when it names none, until the returned scope is closed.
     */
    public static Scope continueOrStart(String traceparent) {
        return bind(TraceParent.parse(traceparent).map(TraceParent::child).orElseGet(TraceParent::newTrace));
    }

    /** Works under {@code span} until the returned scope is closed; then the previous span is back. */
    public static Scope bind(TraceParent span) {
        Optional<String> previous = HelidonMdc.get(MDC_TRACEPARENT);
        set(span.header(), span.traceId());
        return () -> previous.ifPresentOrElse(
                header -> set(header, TraceParent.parse(header).map(TraceParent::traceId).orElse("")),
                () -> {
                    HelidonMdc.remove(MDC_TRACEPARENT);
                    HelidonMdc.remove(MDC_TRACE_ID);
                });
    }

    private static void set(String header, String traceId) {
        HelidonMdc.set(MDC_TRACEPARENT, header);
        HelidonMdc.set(MDC_TRACE_ID, traceId);
    }

    /** Ends working under a span. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
