package homework.arch.platform.failure;

/**
 * A value the client sent that no request accepts, found after the request was read (a paging
 * parameter, say): named by the field or parameter, like the validation of request bodies.
 */
public class InvalidInputException extends DomainException {

    private final String field;
    private final String reason;

    /** {@code reason} completes a sentence about {@code field}: "is given more than once". */
    public InvalidInputException(String field, String reason) {
        super(Kind.INVALID, "validation", "Invalid request", field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The query parameter, header or JSON field whose value is refused. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
