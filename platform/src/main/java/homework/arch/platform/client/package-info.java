/**
 * The client side of calls between services, shared by every MicroProfile REST client: the mapping
 * of problem+json answers to exceptions, and the one translation of "could not ask" into
 * {@code UnavailableException}.
 */
package homework.arch.platform.client;
