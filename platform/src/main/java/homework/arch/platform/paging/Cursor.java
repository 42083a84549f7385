package homework.arch.platform.paging;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The ordering key of the last item a page showed, {@code (createdAt, id)}: the next page holds the
 * items strictly older in that order. A position in the list, not an offset, so items that arrive
 * meanwhile (newer, on earlier pages) neither repeat nor hide an item on the later pages.
 *
 * <p>On the wire it is opaque: base64url without padding of a version byte, the time in epoch
 * microseconds (PostgreSQL's precision), the id, and a CRC-32 of those. {@link #decode} accepts only
 * what {@link #encode} writes, so a truncated, edited or foreign string is refused rather than read
 * as some other position. The check is not a secret: a cursor only names a place in a list that its
 * holder may read anyway.
 */
public record Cursor(Instant createdAt, UUID id) {

    private static final byte VERSION = 1;
    private static final int LENGTH = 1 + Long.BYTES + 2 * Long.BYTES + Integer.BYTES;
    /** Base64 without padding: six bits a character. */
    private static final int TEXT_LENGTH = (LENGTH * 8 + 5) / 6;
    /** Times outside this range are no creation time of ours (and some are none PostgreSQL stores). */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public Cursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    public String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH)
                .put(VERSION)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt))
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        bytes.putInt(checksum(bytes.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The cursor {@code text} encodes; {@link IllegalArgumentException} if it is not one {@link #encode} wrote. */
    public static Cursor decode(String text) {
        if (text == null || text.length() != TEXT_LENGTH) {
            throw new IllegalArgumentException("not a cursor: wrong length");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor: not base64url", e);
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        if (raw.length != LENGTH || bytes.get() != VERSION) {
            throw new IllegalArgumentException("not a cursor: unknown format");
        }
        long micros = bytes.getLong();
        UUID id = new UUID(bytes.getLong(), bytes.getLong());
        if (bytes.getInt() != checksum(raw)) {
            throw new IllegalArgumentException("not a cursor: checksum mismatch");
        }
        Instant createdAt = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("not a cursor: time out of range");
        }
        Cursor cursor = new Cursor(createdAt, id);
        if (!cursor.encode().equals(text)) {
            throw new IllegalArgumentException("not a cursor: not in canonical form");
        }
        return cursor;
    }

    private static int checksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, LENGTH - Integer.BYTES);
        return (int) crc.getValue();
    }
}
