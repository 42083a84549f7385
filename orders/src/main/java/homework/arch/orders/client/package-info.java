/**
 * Typed MicroProfile REST Clients of users and billing, the mapper that turns their problem+json
 * answers into typed exceptions, and the gateway beans that add timeouts, bounded retries of
 * transport errors and circuit breakers around them.
 */
package homework.arch.orders.client;
