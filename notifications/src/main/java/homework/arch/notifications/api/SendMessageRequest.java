package homework.arch.notifications.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /notifications}: a message to a user; the address is the one the user registered. */
@Schema(name = "SendMessageRequest")
public record SendMessageRequest(
        @Schema(required = true, description = "The recipient")
        @NotNull(message = "is required")
        UUID userId,
        @Schema(required = true, maxLength = 200)
        @NotBlank(message = "is required")
        @Size(max = 200, message = "must be at most 200 characters")
        String subject,
        @Schema(required = true, maxLength = 10000)
        @NotBlank(message = "is required")
        @Size(max = 10000, message = "must be at most 10000 characters")
        String body) {
}
