package homework.arch.notifications.messaging;

/** A record that can never be handled, however often it is tried: it is parked at once. */
class PoisonRecordException extends Exception {

    PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }

    PoisonRecordException(String reason) {
        super(reason);
    }
}
