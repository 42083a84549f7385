/**
 * Typed MicroProfile REST Clients of users and billing, and the gateway beans that add timeouts,
 * bounded retries of transport errors and circuit breakers around them; problem answers are mapped
 * by platform's client layer.
 */
package homework.arch.orders.client;
