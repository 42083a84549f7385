package homework.arch.platform.paging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void theFirstPageOfFiftyUnlessAsked() {
        assertThat(PageRequest.parse(List.of(), List.of()), is(new PageRequest(50, Optional.empty())));
        assertThat(PageRequest.parse(null, null), is(new PageRequest(50, Optional.empty())));
        assertThat(PageRequest.parse(List.of("1"), List.of()).limit(), is(1));
        assertThat(PageRequest.parse(List.of("500"), List.of()).limit(), is(500));
        Cursor cursor = new Cursor(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID());
        assertThat(PageRequest.parse(List.of(), List.of(cursor.encode())).after(), is(Optional.of(cursor)));
    }

    @Test
    void aBadLimitNamesTheLimit() {
        for (String limit : List.of("0", "-1", "501", "100000", "abc", "", " 5", "5 ", "1.5", "+5", "0x10", "9".repeat(20))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> PageRequest.parse(List.of(limit), List.of()), limit);
            assertThat(refused.field(), is("limit"));
            assertThat(refused.reason(), is("must be a whole number from 1 to 500"));
        }
    }

    @Test
    void aBadOrRepeatedParameterNamesIt() {
        InvalidInputException limitTwice = assertThrows(InvalidInputException.class,
                () -> PageRequest.parse(List.of("5", "5"), List.of()));
        assertThat(limitTwice.field(), is("limit"));
        String cursor = new Cursor(Instant.now(), UUID.randomUUID()).encode();
        InvalidInputException twice = assertThrows(InvalidInputException.class,
                () -> PageRequest.parse(List.of(), List.of(cursor, cursor)));
        assertThat(twice.field(), is("cursor"));
        assertThat(twice.detail(), is("cursor is given more than once"));
        InvalidInputException notACursor = assertThrows(InvalidInputException.class,
                () -> PageRequest.parse(List.of(), List.of("not-a-cursor")));
        assertThat(notACursor.field(), is("cursor"));
    }

    @Test
    void oneRowMoreThanThePageTellsThatANextPageMayExist() {
        PageRequest request = new PageRequest(2, Optional.empty());
        assertThat(request.fetchSize(), is(3));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Page<UUID> full = request.page(List.of(a, b, UUID.randomUUID()), id -> new Cursor(now, id));
        assertThat(full.items(), contains(a, b));
        assertThat(full.next(), is(Optional.of(new Cursor(now, b))));
        Page<UUID> last = request.page(List.of(a, b), id -> new Cursor(now, id));
        assertThat(last.items(), contains(a, b));
        assertThat(last.next(), is(Optional.empty()));
    }
}
