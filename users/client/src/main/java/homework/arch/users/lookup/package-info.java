/**
 * Users' internal API as the other services call it: the port {@link homework.arch.users.lookup.Users},
 * the user it answers, and its implementation over HTTP. Owned by users, next to the resource it calls.
 */
package homework.arch.users.lookup;
