/**
 * HTTP every service shares: the guards applied before a request reaches a resource, and the paging
 * parameters and next-page link of every list ({@link homework.arch.platform.web.PageParameters}), the
 * answers of a create that a client may repeat ({@link homework.arch.platform.web.Answers}).
 */
package homework.arch.platform.web;
