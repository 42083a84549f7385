-- GET /notifications?userId= reads a page of a user's letters newest first and starts a later page
-- after a cursor: WHERE user_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC
-- LIMIT ? (platform db/NewestFirst). This index has that order, id included as the tie-breaker, so
-- each page is read straight from it, without a sort and without skipping the rows of earlier pages.
-- It replaces notifications_by_user, its prefix. Built inside the migration's transaction, which
-- holds off writes to notifications while it builds: short at this project's sizes; a large table
-- would want CREATE INDEX CONCURRENTLY in a migration of its own.
CREATE INDEX notifications_by_user_newest_first ON notifications (user_id, created_at DESC, id DESC);
DROP INDEX notifications_by_user;
