/**
 * Bad input and security basics against the running local stack: generated malformed requests to
 * every public endpoint (through the ingress and on the services' own ports), database role
 * isolation, {@code /internal/} not routed, body size limits.
 */
package homework.arch.stack.fuzz;
