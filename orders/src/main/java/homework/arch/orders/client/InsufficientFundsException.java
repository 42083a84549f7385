package homework.arch.orders.client;

/** Billing refused a withdrawal because the balance is lower than the amount; no money moved. */
public class InsufficientFundsException extends RemoteProblemException {

    public InsufficientFundsException(String type, String detail) {
        super(409, type, detail);
    }
}
