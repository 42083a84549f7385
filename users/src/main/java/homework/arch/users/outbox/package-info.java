/**
 * What users tells the other services about a registration, per interaction style: in event
 * collaboration the {@code UserRegistered} event through users' outbox (and no call to billing);
 * in the other styles nothing.
 */
package homework.arch.users.outbox;
