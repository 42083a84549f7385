/**
 * RFC 9457 problem details: the exceptions services throw for expected failures and the JAX-RS
 * mappers that turn every failure, expected or not, into an {@code application/problem+json} body.
 */
package homework.arch.platform.problem;
