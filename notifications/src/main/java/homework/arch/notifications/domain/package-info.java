/**
 * Letters: the notification aggregate, and the happy or sad text written for a settled order;
 * which parked records an operator sends through the consumer again.
 */
package homework.arch.notifications.domain;
