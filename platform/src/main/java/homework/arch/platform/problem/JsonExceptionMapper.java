package homework.arch.platform.problem;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import homework.arch.platform.json.StorableText;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not JSON, or JSON of the wrong shape (wrong types, unknown fields, a field
 * given twice): 400 naming the field. Registered for the concrete Jackson types (and their common parent) so it wins over
 * the mappers that Jersey's Jackson feature brings.
 */
public final class JsonExceptionMapper {

    private JsonExceptionMapper() {
    }

    static Response toResponse(JsonProcessingException exception) {
        JsonParseException duplicate = duplicateField(exception);
        if (duplicate != null) {
            String field = duplicatePath(exception, duplicate);
            String message = "is given more than once";
            return Problem.invalid(field + " " + message, List.of(new Problem.FieldError(field, message))).toResponse();
        }
        if (exception instanceof JsonParseException || exception instanceof StreamConstraintsException) {
            return Problem.of(Response.Status.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON: " + exception.getOriginalMessage()).toResponse();
        }
        String field = exception instanceof JsonMappingException mapping ? path(mapping) : "";
        if (field.isEmpty()) {
            field = "body";
        }
        String message = message(exception);
        return Problem.invalid(field + " " + message, List.of(new Problem.FieldError(field, message))).toResponse();
    }

    /** The parser's "Duplicate field" failure, thrown as is or wrapped with a path by databind. */
    private static JsonParseException duplicateField(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException parse && parse.getOriginalMessage() != null
                    && parse.getOriginalMessage().startsWith("Duplicate field '")) {
                return parse;
            }
        }
        return null;
    }

    /**
     * The repeated field's path ({@code items[0].price}): its name from the parser's message, the
     * objects and arrays around it from databind's path if it wrapped the failure, else from where
     * the parser stopped.
     */
    private static String duplicatePath(JsonProcessingException exception, JsonParseException duplicate) {
        String message = duplicate.getOriginalMessage();
        String name = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
        String outer = exception instanceof JsonMappingException mapping ? path(mapping) : "";
        if (!outer.isEmpty()) {
            return outer.equals(name) || outer.endsWith("." + name) ? outer : outer + "." + name;
        }
        String path = name;
        if (duplicate.getProcessor() instanceof JsonParser parser) {
            JsonStreamContext context = parser.getParsingContext();
            if (context != null && context.inObject() && name.equals(context.getCurrentName())) {
                context = context.getParent();
            }
            for (; context != null && !context.inRoot(); context = context.getParent()) {
                path = context.inObject() ? context.getCurrentName() + "." + path
                        : "[" + context.getCurrentIndex() + "]" + (path.startsWith("[") ? "" : ".") + path;
            }
        }
        return path.replace(".[", "[");
    }

    private static String message(JsonProcessingException exception) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (exception instanceof StorableText.Unstorable) {
            return "must be valid Unicode text without NUL characters";
        }
        if (exception instanceof InvalidFormatException invalid) {
            return "must be " + describe(invalid.getTargetType());
        }
        if (exception instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "is invalid";
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "BigDecimal", "Integer", "int", "Long", "long", "Double", "double" -> "a number";
            case "String" -> "a string";
            case "Boolean", "boolean" -> "true or false";
            default -> type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants())
                    : type.isRecord() ? "a JSON object" : "a valid " + type.getSimpleName();
        };
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Bodies that are not JSON at all. */
    @Provider
    @ApplicationScoped
    @Priority(1)
    public static class Parse implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return JsonExceptionMapper.toResponse(exception);
        }
    }

    /**
     * Any other Jackson failure, such as a stream constraint (a number of more than 1000 digits, a
     * string of more than 20 million characters, nesting deeper than 1000): input, so a 400.
     */
    @Provider
    @ApplicationScoped
    @Priority(1)
    public static class Processing implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            return JsonExceptionMapper.toResponse(exception);
        }
    }

    /** JSON whose shape does not fit the request record. */
    @Provider
    @ApplicationScoped
    @Priority(1)
    public static class Mapping implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException exception) {
            return JsonExceptionMapper.toResponse(exception);
        }
    }
}
