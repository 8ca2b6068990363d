package org.blockbench.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import org.blockbench.BadInputException;
import org.blockbench.text.OneLine;

/**
 * The one rule for numbers in every JSON file BlockBench writes (JMH's own result files
 * excepted: they stay as JMH writes them): <b>a number that is not finite (NaN, an
 * infinity) is written as JSON {@code null}</b>, never as a bare {@code NaN} token (not JSON)
 * nor as the string {@code "NaN"} (a string where a number is expected). {@code null}
 * means "not measured / not defined"; readers turn it back into NaN for a primitive
 * {@code double} field and keep it null for a boxed {@code Double}.
 *
 * <p>Every mapper that writes or reads one of our files comes from {@link #mapper()}, so
 * the rule holds for records, maps and {@code JsonNode} trees alike: it is applied in the
 * generator, below Jackson's serializers.
 */
public final class JsonFiles {

    private JsonFiles() {
    }

    /**
     * A new mapper with the rule applied (writing) and its inverse (reading, which also
     * accepts the strings and bare tokens {@code NaN}, {@code Infinity} older files hold).
     * Callers add their own naming and indentation.
     */
    public static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .addDecorator((f, generator) -> new FiniteNumbers(generator))
                .build();
        SimpleModule nan = new SimpleModule("blockbench-nan-as-null");
        nan.addDeserializer(double.class, new NanForNull());
        return JsonMapper.builder(factory).addModule(nan)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /**
     * The mapper of our own files' records, with the one naming policy: keys are the record
     * components' names in snake_case ({@code measurementShare} → {@code measurement_share}),
     * two-space indentation; keys a reader does not know are ignored. A map's keys are data and
     * are written as they are.
     */
    public static ObjectMapper snakeCase() {
        return mapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Writes one of our records to {@code file} atomically, through {@link #snakeCase()}: the one
     * writer of the files {@link #readVersioned} reads back.
     */
    public static void writeVersioned(Path file, Object record) {
        byte[] bytes;
        try {
            bytes = snakeCase().writeValueAsBytes(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(record.getClass().getSimpleName() + " does not serialise", e);
        }
        AtomicFile.write(file, bytes);
    }

    /**
     * Reads one of our versioned files into its record, through {@link #snakeCase()}. A file of
     * another format or version is refused in one line naming the file, the format found and the
     * one expected; so is a file that is not JSON or does not fit the record.
     *
     * @param file   the file
     * @param format the format and version expected, e.g. "blockbench-overhead/2"
     * @param type   its record
     * @param writer what writes this format, for the message ("`blockbench overhead`")
     * @throws BadInputException as said
     */
    public static <T> T readVersioned(Path file, String format, Class<T> type, String writer) {
        ObjectMapper json = snakeCase();
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not readable JSON (" + OneLine.firstLine(e.getMessage()) + ")", e);
        }
        String found = root == null ? "" : root.path("format").asText("");
        if (!format.equals(found)) {
            throw new BadInputException(file + ": format '" + OneLine.of(found) + "', expected '" + format
                    + "' (written by " + writer + " of this version; run it again)");
        }
        try {
            return json.treeToValue(root, type);
        } catch (IOException e) {
            throw new BadInputException(file + ": not a " + format + " file (" + OneLine.firstLine(e.getMessage()) + ")", e);
        }
    }

    /** Writes null in place of a non-finite number. */
    private static final class FiniteNumbers extends JsonGeneratorDelegate {
        FiniteNumbers(JsonGenerator d) {
            super(d, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }
    }

    /** A primitive double: null or absent is NaN; "NaN"/"Infinity" strings are read as such. */
    private static final class NanForNull extends StdScalarDeserializer<Double> {
        private static final long serialVersionUID = 1L;

        NanForNull() {
            super(Double.TYPE);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return p.getDoubleValue();
            }
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String s = p.getText().strip();
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return (Double) ctxt.handleWeirdStringValue(Double.TYPE, s, "not a number");
                }
            }
            if (p.hasToken(JsonToken.VALUE_NULL)) {
                return Double.NaN;
            }
            return (Double) ctxt.handleUnexpectedToken(Double.TYPE, p);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }

    /**
     * Checks a parsed versioned JSON document: an object, holding only {@code keys}, whose
     * {@code "format"} is {@code format}. Every refusal is one line starting with {@code source}.
     */
    public static void requireFormat(JsonNode root, String format,
                                     Set<String> keys, String source) {
        if (root == null || !root.isObject()) {
            throw new BadInputException(source + ": expected a JSON object with \"format\": \"" + format + "\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!keys.contains(key)) {
                throw new BadInputException(source + ": " + BadInputException.unknown("key",
                        OneLine.of(key), keys.stream().sorted().toList()).getMessage());
            }
        }
        String found = root.path("format").asText("");
        if (!format.equals(found)) {
            throw new BadInputException(source + ": format '" + OneLine.of(found)
                    + "', expected '" + format + "'");
        }
    }
}
