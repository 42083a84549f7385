package homework.arch.platform.idempotency;

import java.util.function.Function;

/**
 * What a create under the client's id answers: the resource, and whether this request created it
 * or an earlier request with the same id did, in which case nothing changed. The API answers the
 * first {@code 201} and the second {@code 200} ({@code platform.web.Answers#createdOrFound}).
 */
public record Stored<T>(T value, boolean created) {

    /** This request created it. */
    public static <T> Stored<T> created(T value) {
        return new Stored<>(value, true);
    }

    /** An earlier request with the same id created it; this one changed nothing. */
    public static <T> Stored<T> found(T value) {
        return new Stored<>(value, false);
    }

    /** The same answer about another view of the resource (its response body). */
    public <R> Stored<R> map(Function<? super T, ? extends R> view) {
        return new Stored<>(view.apply(value), created);
    }
}
