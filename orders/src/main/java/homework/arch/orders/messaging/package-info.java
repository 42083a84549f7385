/**
 * Event collaboration: what orders reads from Kafka (platform's consumer runs these subscriptions):
 * user registrations, which it keeps, and billing's payment outcomes, which settle orders.
 */
package homework.arch.orders.messaging;
