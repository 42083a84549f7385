package homework.arch.notifications.application;

import java.util.List;

/**
 * What the consumer asks of the application about order events ({@link OrderEventHandler} does it,
 * each call in a transaction of its own).
 */
public interface OrderEvents {

    /** Handles the events in their order, all or none; for each, whether a letter was written. */
    List<Boolean> handleAll(List<ReceivedOrderEvent> events);

    /** True if a letter was written; false for an event already handled. */
    boolean handle(ReceivedOrderEvent event);
}
