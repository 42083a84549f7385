/**
 * W3C Trace Context across the services: the {@code traceparent} of an incoming request (or a new
 * trace) is bound to the thread and its log lines, sent on with every outgoing REST call, and
 * stored with the order so that the outbox event, and the letter written from it, carry it too.
 */
package homework.arch.platform.trace;
