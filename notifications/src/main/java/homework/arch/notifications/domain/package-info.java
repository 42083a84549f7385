/**
 * Letters: the notification aggregate, and the happy or sad text written for a settled order.
 */
package homework.arch.notifications.domain;
