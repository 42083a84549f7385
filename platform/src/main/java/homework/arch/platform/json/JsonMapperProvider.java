package homework.arch.platform.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The Jackson mapper Jersey uses for every request and response body.
 *
 * <p>Input is strict so that a client's mistake is a 400 and never a silently different request:
 * unknown fields, a field given twice in one object, numbers sent as strings, strings sent as numbers,
 * fractions for integers, {@code null} for primitives and text the database cannot store
 * ({@link StorableText}) are all refused. Numbers with a fraction are read as
 * {@link java.math.BigDecimal} so money is never rounded through a double.
 *
 * <p>{@link Singleton}, not {@code @ApplicationScoped}: Jersey reads the {@code ObjectMapper} type
 * argument from the instance's class, and a CDI client proxy hides it, so Jersey silently fell
 * back to its default mapper (seen: ISO dates written as numbers, {@code "1.00"} accepted as a price).
 */
@Provider
@Singleton
public class JsonMapperProvider implements ContextResolver<ObjectMapper> {

    private static final ObjectMapper MAPPER = create();

    /** The shared, thread-safe mapper, also for code that reads or writes JSON outside JAX-RS. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }

    private static ObjectMapper create() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("storable-text").addDeserializer(String.class, StorableText.INSTANCE))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // {"price":1,"price":2} is ambiguous: refused rather than the last value winning.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
        // A JSON number is not a string and a string is not a number.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // "" or " " where a UUID is expected is a bad id (400), not an absent one.
        mapper.coercionConfigFor(LogicalType.OtherScalar)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        return mapper;
    }
}
