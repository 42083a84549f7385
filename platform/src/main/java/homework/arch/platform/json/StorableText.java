package homework.arch.platform.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Reads every JSON string of every request body and refuses text the database cannot store:
 * {@code U+0000} (PostgreSQL's {@code text} has no NUL) and UTF-16 surrogates without their pair
 * ({@code "\ud800x"}, not Unicode; the driver would have stored {@code ?x} while the answer echoed
 * what was sent). Registered for {@link String} in the shared mapper, so a new field cannot escape
 * it; the problem mapper turns the refusal into a 400 naming the field.
 */
public final class StorableText extends StdScalarDeserializer<String> {

    static final StorableText INSTANCE = new StorableText();

    private StorableText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && !storable(text)) {
            throw new Unstorable(parser, text);
        }
        return text;
    }

    /** True if {@code text} is valid Unicode without NUL. */
    public static boolean storable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A JSON string with a NUL character or an unpaired surrogate. */
    public static final class Unstorable extends MismatchedInputException {

        Unstorable(JsonParser parser, String text) {
            super(parser, "Text with NUL or an unpaired surrogate cannot be stored", String.class);
        }
    }
}
