/**
 * Users and their registration: a user is stored only after billing has opened the user's
 * account, and registering the same user again is idempotent.
 */
package homework.arch.users.domain;
