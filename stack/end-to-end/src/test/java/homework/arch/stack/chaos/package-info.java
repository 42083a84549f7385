/**
 * The fault suite: the whole local stack under a steady load of users, deposits and orders while
 * PostgreSQL, Kafka, Debezium Server and the services are killed with SIGKILL and restarted in turn;
 * afterwards the invariants are checked from the databases and the APIs and a report is written to
 * {@code target/chaos/}. {@code stack/chaos --minutes N} runs a longer version of the same code.
 */
package homework.arch.stack.chaos;
