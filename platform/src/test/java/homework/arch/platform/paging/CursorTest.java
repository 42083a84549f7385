package homework.arch.platform.paging;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    private final Cursor cursor = new Cursor(Instant.parse("2026-12-06T05:01:02.123456Z"), UUID.randomUUID());

    @Test
    void decodesWhatItEncodesAsBase64UrlWithoutPadding() {
        String text = cursor.encode();
        assertThat(text, text.matches("[A-Za-z0-9_-]{39}"), is(true));
        assertThat(Cursor.decode(text), is(cursor));
    }

    @Test
    void keepsMicrosecondsLikePostgresql() {
        Cursor nanos = new Cursor(Instant.parse("2026-12-06T05:01:02.123456789Z"), cursor.id());
        assertThat(nanos.createdAt(), is(cursor.createdAt()));
        assertThat(Cursor.decode(nanos.encode()), is(nanos));
    }

    @Test
    void refusesAnythingItDidNotWrite() {
        String text = cursor.encode();
        char last = text.charAt(20);
        List<String> foreign = List.of("", "abc", "x".repeat(39), text.substring(1), text + "A", text + "=",
                text.substring(0, 20) + (last == 'A' ? 'B' : 'A') + text.substring(21), text.replace('-', '+').replace('_', '/') + "+",
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[29]), "%00" + text.substring(3),
                " " + text.substring(1));
        for (String candidate : foreign) {
            assertThrows(IllegalArgumentException.class, () -> Cursor.decode(candidate), candidate);
        }
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(null));
    }

    @Test
    void refusesATimeBeforeTheEpoch() {
        Cursor old = new Cursor(Instant.parse("1969-12-31T23:59:59Z"), cursor.id());
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(old.encode()));
    }
}
