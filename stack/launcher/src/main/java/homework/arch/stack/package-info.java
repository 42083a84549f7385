/**
 * The local stack: starts PostgreSQL, Kafka, Debezium Server, the four services and the ingress on
 * one machine, with no container engine.
 */
package homework.arch.stack;
