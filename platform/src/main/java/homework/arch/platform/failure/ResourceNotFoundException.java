package homework.arch.platform.failure;

/** A resource that does not exist. */
public class ResourceNotFoundException extends DomainException {

    public ResourceNotFoundException(String what, Object id) {
        super(Kind.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist");
    }
}
