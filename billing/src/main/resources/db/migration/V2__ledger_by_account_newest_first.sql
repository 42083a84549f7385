-- GET /billing/accounts/{userId}/transactions reads a page of an account's ledger newest first and
-- starts a later page after a cursor: WHERE user_id = ? AND (created_at, id) < (?, ?)
-- ORDER BY created_at DESC, id DESC LIMIT ? (platform db/NewestFirst, shared with orders and
-- notifications). An account's entries were listed by seq; created_at orders them the same way:
-- a movement takes its time only after its conditional update of the account row returned, i.e.
-- after the previous movement of that account committed (AccountService.move). This index has that
-- order, id included as the tie-breaker, so each page is read straight from it, without a sort and
-- without skipping the rows of earlier pages. It replaces ledger_entries_by_account, its prefix
-- for user_id (the foreign key's index). Built inside the migration's transaction, which holds off
-- writes to the ledger while it builds: short at this project's sizes; a large table would want
-- CREATE INDEX CONCURRENTLY in a migration of its own.
CREATE INDEX ledger_entries_by_account_newest_first ON ledger_entries (user_id, created_at DESC, id DESC);
DROP INDEX ledger_entries_by_account;
