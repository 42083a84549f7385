package homework.arch.platform.trace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

class LogLineTest {

    private static final String SPAN = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Instant AT = LocalDateTime.parse("2026-12-06T08:37:47.684").atZone(ZoneId.systemDefault())
            .toInstant();

    @Test
    void writesTimeLevelTraceLoggerThreadAndTheFormattedMessageOnOneLine() {
        LogRecord record = record(Level.INFO, "{0} letter about order {1}", "HAPPY", 42);
        String line;
        try (Tracing.Scope scope = Tracing.bind(TraceParent.parse(SPAN).orElseThrow())) {
            line = new LogLine().format(record);
        }
        assertThat(line, is("2026-12-06T08:37:47.684 INFO [4bf92f3577b34da6a3ce929d0e0e4736] homework.arch.test "
                + Thread.currentThread() + ": HAPPY letter about order 42" + System.lineSeparator()));
    }

    @Test
    void leavesTheTraceEmptyOutsideATraceAndAppendsTheStackTrace() {
        LogRecord record = record(Level.WARNING, "failed");
        record.setThrown(new IllegalStateException("boom"));
        String line = new LogLine().format(record);
        assertThat(line, startsWith("2026-12-06T08:37:47.684 WARNING [] homework.arch.test "));
        assertThat(line, containsString(": failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: boom" + System.lineSeparator() + "\tat "));
    }

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setInstant(AT);
        record.setLoggerName("homework.arch.test");
        record.setParameters(parameters);
        return record;
    }
}
