-- GET /orders?userId= reads a page of a user's orders newest first and starts a later page after a
-- cursor: WHERE user_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?
-- (platform db/NewestFirst). This index has that order, id included as the tie-breaker, so each
-- page is read straight from it, without a sort and without skipping the rows of earlier pages.
-- It replaces orders_by_user, its prefix. Built inside the migration's transaction, which holds off
-- writes to orders while it builds: short at this project's sizes; a large table would want
-- CREATE INDEX CONCURRENTLY in a migration of its own.
CREATE INDEX orders_by_user_newest_first ON orders (user_id, created_at DESC, id DESC);
DROP INDEX orders_by_user;
