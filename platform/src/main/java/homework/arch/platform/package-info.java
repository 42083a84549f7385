/**
 * The one small library every service shares: problem+json errors, strict JSON, Flyway before JPA,
 * database readiness and request body limits. Nothing here knows about users, money or orders.
 */
package homework.arch.platform;
