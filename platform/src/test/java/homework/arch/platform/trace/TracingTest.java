package homework.arch.platform.trace;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

class TracingTest {

    private static final String SENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void parsesAValidHeaderAndWritesItBackUnchanged() {
        TraceParent parent = TraceParent.parse(SENT).orElseThrow();
        assertThat(parent.traceId(), is("4bf92f3577b34da6a3ce929d0e0e4736"));
        assertThat(parent.spanId(), is("00f067aa0ba902b7"));
        assertThat(parent.header(), is(SENT));
    }

    @Test
    void refusesWhatTheW3cFormatRefuses() {
        for (String bad : new String[] {null, "", "garbage", SENT.toUpperCase(), "01" + SENT.substring(2),
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", SENT + "-extra"}) {
            assertThat(bad, TraceParent.parse(bad), is(Optional.empty()));
        }
    }

    @Test
    void aChildKeepsTheTraceAndGetsItsOwnSpan() {
        TraceParent parent = TraceParent.parse(SENT).orElseThrow();
        TraceParent child = parent.child();
        assertThat(child.traceId(), is(parent.traceId()));
        assertThat(child.spanId(), not(parent.spanId()));
        assertThat(child.header(), child.header().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), is(true));
    }

    @Test
    void aScopeContinuesTheIncomingTraceAndRestoresWhatWasThereBefore() {
        assertThat(Tracing.current(), is(Optional.empty()));
        try (Tracing.Scope outer = Tracing.continueOrStart(SENT)) {
            TraceParent request = Tracing.current().orElseThrow();
            assertThat(request.traceId(), is("4bf92f3577b34da6a3ce929d0e0e4736"));
            try (Tracing.Scope inner = Tracing.continueOrStart(null)) {
                assertThat(Tracing.current().orElseThrow().traceId(), not(request.traceId()));
            }
            assertThat(Tracing.current(), is(Optional.of(request)));
        }
        assertThat(Tracing.current(), is(Optional.empty()));
    }
}
