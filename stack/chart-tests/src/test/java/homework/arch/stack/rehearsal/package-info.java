/**
 * The container rehearsal ({@code stack/rehearse}): the four service images, built by Jib, run with
 * podman under the container settings the chart renders, against the local stack's PostgreSQL,
 * Kafka and Debezium Server, behind its ingress.
 */
package homework.arch.stack.rehearsal;
