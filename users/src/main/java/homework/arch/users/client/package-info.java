/**
 * The typed MicroProfile REST client of billing's internal API, the mapping of its problem
 * responses to exceptions, and the gateway that adds timeouts, bounded retries and a circuit breaker.
 */
package homework.arch.users.client;
