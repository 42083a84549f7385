/**
 * Letters: the notification aggregate, and the happy or sad text written for a settled order;
 * records the consumer parked, and which of them an operator sends through it again.
 */
package homework.arch.notifications.domain;
