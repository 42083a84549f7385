/**
 * The order events, as notifications reads them: platform's consumer (its messaging package) polls,
 * retries and parks; this package says how a record reads as a settled order and hands it to the
 * application's handler (one letter per event, idempotently).
 */
package homework.arch.notifications.messaging;
