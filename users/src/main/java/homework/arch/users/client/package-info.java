/**
 * The typed MicroProfile REST client of billing's internal API and the gateway that adds timeouts,
 * bounded retries and a circuit breaker; problem answers are mapped by platform's client layer.
 */
package homework.arch.users.client;
