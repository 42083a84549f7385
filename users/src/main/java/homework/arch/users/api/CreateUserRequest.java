package homework.arch.users.api;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateUserRequest")
public record CreateUserRequest(
        @Schema(description = "Chosen by the client; generated when omitted") UUID id,
        @Schema(required = true, minLength = 1, maxLength = 200, example = "Ada Lovelace")
        @NotBlank(message = "is required")
        @Size(max = 200, message = "must be at most 200 characters") String name,
        @Schema(required = true, format = "email", maxLength = 320, example = "ada@example.com")
        @NotBlank(message = "is required")
        @Size(max = 320, message = "must be at most 320 characters")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address") String email) {
}
