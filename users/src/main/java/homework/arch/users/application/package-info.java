/**
 * The use cases of users, each a short transaction or none: registering a user (billing's account
 * first, then the user row) and reading one back.
 */
package homework.arch.users.application;
