package homework.arch.platform.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * At most a page of a newest-first list, and where the next page starts: present when more items
 * may follow (the query found one more than the page holds), absent on the last page.
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    /** The same page with each item turned into another, e.g. an entity into its response record. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }
}
