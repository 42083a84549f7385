package homework.arch.platform.failure;

/** A request that contradicts the current state, with a type that names the rule. */
public class ConflictException extends DomainException {

    public ConflictException(String slug, String title, String detail) {
        super(Kind.CONFLICT, slug, title, detail);
    }
}
