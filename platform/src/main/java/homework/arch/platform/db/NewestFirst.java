package homework.arch.platform.db;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import homework.arch.platform.paging.Cursor;
import homework.arch.platform.paging.Page;
import homework.arch.platform.paging.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * One owner's rows of a table, newest first, a page at a time: ordered by {@code (created_at, id)}
 * descending, and a later page starts strictly after the cursor with the row comparison
 * {@code (created_at, id) < (:createdAt, :id)}, which PostgreSQL answers from an index on
 * {@code (<owner>, created_at DESC, id DESC)} without sorting or skipping rows. Reads one row more
 * than the page holds to know whether a next page may exist.
 *
 * @param entity      the entity mapped to {@code table}
 * @param table       a table with the columns {@code created_at} and {@code id}
 * @param ownerColumn the column every page is filtered on, such as {@code user_id}
 * @param keyOf       an entity's {@code (created_at, id)}
 */
public record NewestFirst<T>(Class<T> entity, String table, String ownerColumn, Function<? super T, Cursor> keyOf) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public NewestFirst {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(keyOf, "keyOf");
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(ownerColumn).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + table + ", " + ownerColumn);
        }
    }

    /** The page {@code request} asks for of the rows whose owner column is {@code owner}. */
    @SuppressWarnings("unchecked")
    public Page<T> page(EntityManager entityManager, Object owner, PageRequest request) {
        String after = request.after().isPresent() ? " AND (created_at, id) < (:createdAt, :id)" : "";
        Query query = entityManager.createNativeQuery("SELECT * FROM " + table + " WHERE " + ownerColumn + " = :owner"
                        + after + " ORDER BY created_at DESC, id DESC LIMIT :rows", entity)
                .setParameter("owner", owner)
                .setParameter("rows", request.fetchSize());
        request.after().ifPresent(cursor -> query.setParameter("createdAt", cursor.createdAt())
                .setParameter("id", cursor.id()));
        return request.page((List<T>) query.getResultList(), keyOf);
    }
}
