/**
 * Billing's internal REST client and the gateway that implements the domain's {@code AccountOpener}
 * port with it; every call goes through platform's {@code RemoteCalls}.
 */
package homework.arch.users.client;
