package homework.arch.platform.paging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void theFirstPageOfFiftyUnlessAsked() {
        assertEquals(new PageRequest(50, Optional.empty()), PageRequest.parse(List.of(), List.of()));
        assertEquals(new PageRequest(50, Optional.empty()), PageRequest.parse(null, null));
        assertEquals(1, PageRequest.parse(List.of("1"), List.of()).limit());
        assertEquals(500, PageRequest.parse(List.of("500"), List.of()).limit());
        Cursor cursor = new Cursor(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID());
        assertEquals(Optional.of(cursor), PageRequest.parse(List.of(), List.of(cursor.encode())).after());
    }

    @Test
    void aBadLimitNamesTheLimit() {
        for (String limit : List.of("0", "-1", "501", "100000", "abc", "", " 5", "5 ", "1.5", "+5", "0x10", "9".repeat(20))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> PageRequest.parse(List.of(limit), List.of()), limit);
            assertEquals("limit", refused.field());
            assertEquals("must be a whole number from 1 to 500", refused.reason());
        }
    }

    @Test
    void aBadOrRepeatedParameterNamesIt() {
        assertEquals("limit", assertThrows(InvalidInputException.class,
                () -> PageRequest.parse(List.of("5", "5"), List.of())).field());
        String cursor = new Cursor(Instant.now(), UUID.randomUUID()).encode();
        InvalidInputException twice = assertThrows(InvalidInputException.class,
                () -> PageRequest.parse(List.of(), List.of(cursor, cursor)));
        assertEquals("cursor", twice.field());
        assertEquals("cursor is given more than once", twice.detail());
        assertEquals("cursor", assertThrows(InvalidInputException.class,
                () -> PageRequest.parse(List.of(), List.of("not-a-cursor"))).field());
    }

    @Test
    void oneRowMoreThanThePageTellsThatANextPageMayExist() {
        PageRequest request = new PageRequest(2, Optional.empty());
        assertEquals(3, request.fetchSize());
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Page<UUID> full = request.page(List.of(a, b, UUID.randomUUID()), id -> new Cursor(now, id));
        assertEquals(List.of(a, b), full.items());
        assertEquals(Optional.of(new Cursor(now, b)), full.next());
        Page<UUID> last = request.page(List.of(a, b), id -> new Cursor(now, id));
        assertEquals(List.of(a, b), last.items());
        assertEquals(Optional.empty(), last.next());
    }
}
