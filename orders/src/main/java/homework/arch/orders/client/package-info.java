/**
 * Billing's REST client and the gateway that implements the domain's {@code Billing} port with it;
 * every call goes through platform's {@code RemoteCalls}.
 */
package homework.arch.orders.client;
