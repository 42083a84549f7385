/**
 * HTTP every service shares: the guards applied before a request reaches a resource, and the paging
 * parameters and next-page link of every list ({@link homework.arch.platform.web.PageParameters}).
 */
package homework.arch.platform.web;
