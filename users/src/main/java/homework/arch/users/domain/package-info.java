/**
 * Users and their rules: a user is immutable once registered, and registering the same user again
 * is idempotent; the port through which an account is opened in billing.
 */
package homework.arch.users.domain;
