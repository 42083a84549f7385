package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpHeaders;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import homework.arch.stack.StackStyle;
import homework.arch.stack.fixtures.TestHttp;
import org.junit.jupiter.api.Test;

/** Seeding waits for a registration's events where they, not the registration, open the account and make the user known. */
class SeedingTest {

    @Test
    void onlyEventCollaborationWaitsForTheRegistrationsEvents() {
        assertThat(Seeding.eventual(StackStyle.HTTP_ONLY), is(false));
        assertThat(Seeding.eventual(StackStyle.HTTP_BROKER), is(false));
        assertThat(Seeding.eventual(StackStyle.EVENT_COLLABORATION), is(true));
    }

    @Test
    void aNotFoundOrABusyAnswerIsSentAgainUntilTheExpectedOne() {
        Iterator<TestHttp.Reply> replies = List.of(reply(404), reply(503), reply(0), reply(202)).iterator();

        Seeding.awaitEvent("orders' first order", replies::next, 202, 200);

        assertThat(replies.hasNext(), is(false));
    }

    @Test
    void anyOtherAnswerFailsTheSeedingAtOnce() {
        Iterator<TestHttp.Reply> replies = List.of(reply(404), reply(400), reply(202)).iterator();

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> Seeding.awaitEvent("orders' first order", replies::next, 202));

        assertThat(failed.getMessage(), containsString("answered 400"));
    }

    private static TestHttp.Reply reply(int status) {
        return new TestHttp.Reply(status, "application/json", "{}", HttpHeaders.of(Map.of(), (name, value) -> true),
                status == 0 ? "timeout" : null, 1);
    }
}
