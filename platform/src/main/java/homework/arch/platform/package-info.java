/**
 * The one small library every service shares: expected failures and their problem+json answers,
 * the client side of calls between services, strict JSON, Flyway before JPA, the shared entity
 * manager, database readiness, request limits, the paging of lists, the clock, and the rule of an
 * amount of money that orders, billing and notifications share. Nothing here knows about users or
 * orders.
 */
package homework.arch.platform;
