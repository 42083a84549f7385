package homework.arch.platform.messaging;

/** A record that can never be handled, however often it is tried: it is parked at once. */
public class PoisonRecordException extends Exception {

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonRecordException(String reason) {
        super(reason);
    }
}
