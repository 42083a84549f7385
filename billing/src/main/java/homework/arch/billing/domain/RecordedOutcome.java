package homework.arch.billing.domain;

/**
 * The first outcome of a movement with an idempotency key, in the form its client was answered
 * (status, media type and body text): every replay with the key gets it again, byte for byte.
 * Opaque below the API, which alone writes and reads its form.
 */
public record RecordedOutcome(int status, String mediaType, String body) {
}
