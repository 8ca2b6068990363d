package org.blockbench.bench.result;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * The one writer of JMH's JSON result format (the reader is {@link JmhReader}). Results are
 * serialised only by JMH's own writer; combining files splices the text of their records, so
 * every element of a merged file is exactly what JMH wrote (NaN and infinities as strings,
 * JMH's indentation).
 */
public final class JmhJson {

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

    /** A JMH JSON array of the given records, each spliced in as the exact text it was read as. */
    public static String array(List<JmhRecord> elements) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < elements.size(); i++) {
            out.append(INDENT).append(elements.get(i).text());
            out.append(i + 1 < elements.size() ? ",\n" : "\n");
        }
        return out.append(TAIL).toString();
    }
}
