/**
 * Bounded lists, free of HTTP: what a client asked for ({@link homework.arch.platform.paging.PageRequest}),
 * one page of a newest-first list ({@link homework.arch.platform.paging.Page}) and the opaque position
 * where the next page starts ({@link homework.arch.platform.paging.Cursor}). Platform's
 * {@code db.NewestFirst} reads a page and {@code web.PageParameters} carries it over HTTP.
 */
package homework.arch.platform.paging;
