package homework.arch.billing.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** users asks for the account of a user it is registering. */
@Schema(name = "OpenAccountRequest")
public record OpenAccountRequest(
        @Schema(required = true, description = "The user the account belongs to")
        @NotNull(message = "is required") UUID userId) {
}
