/** SQL access to users; inserts are race-free on the id (insert unless present, then read). */
package homework.arch.users.persistence;
