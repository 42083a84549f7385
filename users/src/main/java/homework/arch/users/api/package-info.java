/** The HTTP surface of users: {@code /users} for clients, {@code /internal/users} for other services. */
package homework.arch.users.api;
