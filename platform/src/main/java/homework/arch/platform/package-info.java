/**
 * The one small library every service shares: expected failures and their problem+json answers,
 * the client side of calls between services, strict JSON, Flyway before JPA, the shared entity
 * manager, database readiness, request limits and the paging of lists. Nothing here knows about
 * users, money or orders.
 */
package homework.arch.platform;
