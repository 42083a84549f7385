package homework.arch.orders.client;

/** The other service does not know the resource asked for (404). */
public class RemoteNotFoundException extends RemoteProblemException {

    public RemoteNotFoundException(String type, String detail) {
        super(404, type, detail);
    }
}
