/**
 * Event collaboration: what billing publishes through its outbox, the outcome of each order's
 * withdrawal.
 */
package homework.arch.billing.outbox;
