package homework.arch.platform.messaging;

/** Where the consumer thread is. */
public enum ConsumerState {
    STARTING,
    /** Polling and handling records. */
    RUNNING,
    /** A record or the broker failed; waiting out a backoff before trying again. */
    RETRYING,
    STOPPED
}
