/**
 * Event collaboration: what billing reads from Kafka (platform's consumer runs these
 * subscriptions): user registrations, which open accounts, and new orders, which are charged.
 */
package homework.arch.billing.messaging;
