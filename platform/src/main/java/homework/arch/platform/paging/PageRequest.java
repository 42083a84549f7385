package homework.arch.platform.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import homework.arch.platform.failure.InvalidInputException;

/**
 * What a client asked of a list: at most {@code limit} items, newest first, starting after
 * {@code after} (the first page when empty).
 */
public record PageRequest(int limit, Optional<Cursor> after) {

    /** The name of the parameter that bounds a page. */
    public static final String LIMIT = "limit";
    /** The name of the parameter that says where a page starts. */
    public static final String CURSOR = "cursor";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private static final String LIMIT_RULE = "must be a whole number from 1 to " + MAX_LIMIT;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + LIMIT_RULE + ": " + limit);
        }
        Objects.requireNonNull(after, "after");
    }

    /**
     * The request the query parameters make, each given as all the values it had (none when absent):
     * {@link InvalidInputException} naming the parameter when one is given twice, a limit is not a
     * number from 1 to {@value #MAX_LIMIT}, or a cursor is not one a page of ours gave out.
     */
    public static PageRequest parse(List<String> limits, List<String> cursors) {
        String limit = single(LIMIT, limits);
        String cursor = single(CURSOR, cursors);
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit(limit),
                cursor == null ? Optional.empty() : Optional.of(cursor(cursor)));
    }

    /** How many rows to read: one more than the page holds, which tells whether a next page may exist. */
    public int fetchSize() {
        return limit + 1;
    }

    /**
     * The page of {@code fetched}, the rows read newest first with {@link #fetchSize()}: at most
     * {@code limit} of them, and a cursor after the last one when a further row was found.
     */
    public <T> Page<T> page(List<T> fetched, Function<? super T, Cursor> keyOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(keyOf.apply(items.getLast())));
    }

    private static String single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidInputException(name, "is given more than once");
        }
        return values.getFirst();
    }

    private static int limit(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException(LIMIT, LIMIT_RULE);
        }
        int limit = Integer.parseInt(text);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException(LIMIT, LIMIT_RULE);
        }
        return limit;
    }

    private static Cursor cursor(String text) {
        try {
            return Cursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(CURSOR, "is not a cursor that a page of this list gave out");
        }
    }
}
