package homework.arch.billing.persistence;

/** An HTTP outcome as it was first answered: status, media type and body text. */
public record StoredResponse(int status, String mediaType, String body) {
}
