package org.blockbench.bench.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.blockbench.BadInputException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Reading and writing JMH's JSON result format. Results are serialised only by JMH's own
 * writer; combining files splices the text of their array elements, so every element of a
 * merged file is exactly what JMH wrote (NaN and infinities as strings, JMH's indentation).
 */
public final class JmhJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INDENT = "    ";
    /** JMH 1.37 ends its JSON with the closing bracket and three line feeds. */
    private static final String TAIL = "]\n\n\n";

    private JmhJson() {
    }

    /** JMH's JSON for {@code results}, as JMH's {@code -rf json} writes it. */
    public static String write(Collection<RunResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A JMH JSON array of the given elements (each the text of one result object). */
    public static String array(List<JmhElement> elements) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < elements.size(); i++) {
            out.append(INDENT).append(elements.get(i).text());
            out.append(i + 1 < elements.size() ? ",\n" : "\n");
        }
        return out.append(TAIL).toString();
    }

    /** Reads a JMH JSON file's elements; a file that is not a JMH result array fails naming it. */
    public static List<JmhElement> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such JMH result file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Splits JMH JSON text into its elements; {@code source} names it in errors. */
    public static List<JmhElement> parse(String json, String source) {
        List<JmhElement> elements = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new BadInputException(source + ": expected a JMH JSON result array, found "
                        + (p.currentToken() == null ? "an empty file" : p.currentToken().asString()));
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                int start = Math.toIntExact(p.currentTokenLocation().getCharOffset());
                p.skipChildren();
                int end = Math.toIntExact(p.currentLocation().getCharOffset());
                String text = json.substring(start, end);
                elements.add(JmhElement.of(text, MAPPER.readTree(text), source));
            }
            if (t != JsonToken.END_ARRAY) {
                throw new BadInputException(source + ": expected JMH result objects in the array, found "
                        + (t == null ? "the end of the file (truncated?)" : t.asString()));
            }
            if (p.nextToken() != null) {
                throw new BadInputException(source + ": unexpected content after the JMH result array");
            }
        } catch (IOException e) {
            throw new BadInputException(source + ": not valid JMH JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        return elements;
    }

    /** Parses JSON text to a tree (for metadata files). */
    static JsonNode tree(String json) throws IOException {
        return MAPPER.readTree(json);
    }
}
