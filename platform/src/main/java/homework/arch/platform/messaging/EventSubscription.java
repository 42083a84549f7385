package homework.arch.platform.messaging;

import java.util.List;
import java.util.Optional;

/**
 * What a service consumes from one topic, as a bean: {@link EventConsumers} finds every such bean
 * and runs one consumer thread for it, with the polling, batching, retries, parking, offsets, health
 * and metrics that all consumers share. The service says only how a record reads ({@link #read})
 * and what it does ({@link #handle}); a bean that exists only in some interaction styles
 * ({@code @InStyles}) consumes only in those.
 *
 * <p>{@link #handleAll} and {@link #handle} are transactions of their own, each recording the
 * events' ids in the same transaction as their effect (the idempotent consumer): the consumer
 * commits a record's offset only after they return.
 *
 * @param <E> an event as the service reads it
 */
public interface EventSubscription<E> {

    /** Names the thread, the health checks ({@code <name>-consumer}) and the log lines: {@code order-events}. */
    String name();

    /** The topic read. */
    String topic();

    /** The first part of the consumer's metric names: {@code <prefix>.events.duplicates}, {@code <prefix>.consumer.lag}. */
    String metricPrefix();

    /**
     * The event a record tells of, or empty for an event of a type this service does not act on (it
     * is skipped, not parked). Throws for a record that can never be handled: it is parked at once.
     * No database work here: it runs before the batch's transaction.
     */
    Optional<E> read(EventRecord record) throws PoisonRecordException;

    /** Handles the events in their order, all or none, in one transaction; for each, whether it had an effect. */
    List<Boolean> handleAll(List<E> events);

    /** Handles one event in a transaction of its own: true if it had its effect now, false if it was handled before. */
    boolean handle(E event);

    /** After the commit of an event that had its effect now: the service's own metrics and log line. */
    default void handled(E event, EventRecord record) {
    }
}
