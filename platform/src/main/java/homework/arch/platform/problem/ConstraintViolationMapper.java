package homework.arch.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures on request records and parameters: 400 with one entry per bad field.
 * The explicit priority makes it win over the plain-text mapper of Helidon's validation module.
 */
@Provider
@ApplicationScoped
@Priority(1)
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        StringJoiner detail = new StringJoiner("; ");
        errors.forEach(e -> detail.add(e.field() + " " + e.message()));
        return Problem.invalid(detail.toString(), errors).toResponse();
    }

    /**
     * The property path without the method and parameter nodes: {@code amount} rather than
     * {@code deposit.request.amount}. A violation on a parameter itself is named after the parameter.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        StringJoiner field = new StringJoiner(".");
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                field.add(node.getName());
            }
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter == null || parameter.equals("request") ? "body" : parameter;
    }
}
