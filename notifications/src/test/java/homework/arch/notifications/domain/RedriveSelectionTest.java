package homework.arch.notifications.domain;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a re-drive may select: something, of a kind that exists, in a range that is not empty. */
class RedriveSelectionTest {

    @Test
    void aSelectionNamesSomething() {
        InvalidRedriveSelectionException nothing = assertThrows(InvalidRedriveSelectionException.class,
                () -> new RedriveSelection(null, null, null));
        assertThat(nothing.field(), is("body"));
    }

    @Test
    void aKindIsAnOrderEventTypeTheConsumerKnows() {
        InvalidRedriveSelectionException unknown = assertThrows(InvalidRedriveSelectionException.class,
                () -> new RedriveSelection("OrderShipped", null, null));
        assertThat(unknown.field(), is("eventType"));
        assertThat(unknown.reason(), containsString("OrderPaid, OrderCancelled"));
        assertThat(new RedriveSelection("OrderCancelled", null, null).kind().orElseThrow(), is("OrderCancelled"));
    }

    @Test
    void aRangeIsNotInvertedAndAnOpenEndReachesAsFarAsIdsGo() {
        InvalidRedriveSelectionException inverted = assertThrows(InvalidRedriveSelectionException.class,
                () -> new RedriveSelection(null, 5L, 4L));
        assertThat(inverted.field(), is("toId"));
        RedriveSelection one = new RedriveSelection(null, 7L, 7L);
        assertThat(one.lowestId(), is(7L));
        assertThat(one.highestId(), is(7L));
        RedriveSelection from = new RedriveSelection(null, 7L, null);
        assertThat(from.highestId(), is(Long.MAX_VALUE));
        RedriveSelection upTo = new RedriveSelection("OrderPaid", null, 9L);
        assertThat(upTo.lowestId(), is(Long.MIN_VALUE));
    }
}
