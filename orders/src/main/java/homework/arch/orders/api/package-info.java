/** The HTTP API of orders: request and response records, and the resource that maps them. */
package homework.arch.orders.api;
