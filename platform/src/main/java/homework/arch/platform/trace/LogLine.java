package homework.arch.platform.trace;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Every service's log line (logging.properties names it as the console handler's formatter): the
 * local time to the millisecond, the level, the trace id in brackets (empty outside a request or an
 * event), the logger, the thread and the message, then the stack trace if there is one.
 * <pre>2026-12-06T08:37:47.684 INFO [05b375eaf358530aa5fc85c5c2e1f543] homework.arch.access VirtualThread[#105]/runnable@ForkJoinPool-1-worker-1: POST /orders 201 12 ms</pre>
 * Appended field by field: a pattern would be matched and {@code String.format}ted again for every
 * line, and an access line is written for every request.
 */
public final class LogLine extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(192);
        TIME.formatTo(record.getInstant(), line);
        line.append(' ').append(record.getLevel().getLocalizedName())
                .append(" [").append(Tracing.currentTraceId()).append("] ")
                .append(record.getLoggerName())
                .append(' ').append(Thread.currentThread()).append(": ")
                .append(formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            try (PrintWriter writer = new PrintWriter(trace)) {
                writer.println();
                record.getThrown().printStackTrace(writer);
            }
            line.append(trace);
        }
        return line.append(System.lineSeparator()).toString();
    }
}
