/**
 * The client side of calls between services, shared by every MicroProfile REST client: the mapping
 * of problem+json answers to exceptions, the fault tolerance of every call and the one translation
 * of "could not ask" into {@code UnavailableException} ({@link homework.arch.platform.client.RemoteCalls}).
 */
package homework.arch.platform.client;
