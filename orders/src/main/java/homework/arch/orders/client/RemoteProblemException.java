package homework.arch.orders.client;

/** Another service answered with a problem (status 400 or above) that has no more specific type here. */
public class RemoteProblemException extends RuntimeException {

    private final int status;
    private final String type;

    public RemoteProblemException(int status, String type, String detail) {
        super("HTTP " + status + " " + type + ": " + detail);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
