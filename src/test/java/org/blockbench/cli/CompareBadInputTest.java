package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code compare} refuses JMH files that a fuzz campaign found it used to accept: exit 2 and
 * one line naming the file, the record and the field.
 */
class CompareBadInputTest {

    static final Path BASE = Path.of("src/test/resources/regress/base-avgt.json");

    static Stream<Arguments> corruptions() {
        return Stream.of(
                Arguments.of("negative latency", "\"score\" : 1.0005", "\"score\" : -1.0",
                        "record 0 (org.sample.Bench.alpha) field primaryMetric.score: expected a finite number >= 0, found -1.0"),
                Arguments.of("negative sample", "[\n                    1.0,", "[\n                    -1.0,",
                        "field primaryMetric.rawData[0][0]: expected a finite number >= 0, found -1.0"),
                Arguments.of("null score", "\"score\" : 1.0005", "\"score\" : null",
                        "field primaryMetric.score: expected a finite number >= 0, found null"),
                Arguments.of("string score", "\"score\" : 1.0005", "\"score\" : \"fast\"",
                        "field primaryMetric.score: expected a finite number >= 0, found the string \"fast\""),
                Arguments.of("NaN score", "\"score\" : 1.0005", "\"score\" : \"NaN\"",
                        "field primaryMetric.score: expected a finite number >= 0, found the string \"NaN\""),
                Arguments.of("empty rawData", "\"rawData\" : [", "\"rawData\" : [], \"x\" : [",
                        "field primaryMetric.rawData: expected a non-empty array, found []"),
                Arguments.of("missing scoreUnit", "\"scoreUnit\" : \"ms/op\",", "",
                        "field primaryMetric.scoreUnit: expected a non-empty string, found nothing"),
                Arguments.of("unknown mode", "\"mode\" : \"avgt\"", "\"mode\" : \"warp\"",
                        "field mode: expected one of JMH's modes [thrpt, avgt, sample, ss], found 'warp'"),
                Arguments.of("trailing garbage", "\n]", "\n] trailing",
                        "unexpected content after the JMH result array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void exitTwoWithOneLineNamingFileRecordAndField(String what, String from, String to, String message,
                                                     @TempDir Path dir) throws Exception {
        String text = Files.readString(BASE);
        int at = what.equals("trailing garbage") ? text.lastIndexOf(from) : text.indexOf(from);
        assertTrue(at >= 0, "fixture holds " + from);
        Path bad = Files.writeString(dir.resolve("bad.json"), text.substring(0, at) + to + text.substring(at + from.length()));
        StringWriter err = new StringWriter();
        int code = CliRunner.execute(new StringWriter(), err, "compare", BASE.toString(), bad.toString(), "--out", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        assertEquals(1, err.toString().lines().count(), "one line, no stack trace: " + err);
        assertTrue(err.toString().startsWith("blockbench: " + bad + ": ") && err.toString().contains(message), err.toString());
        assertTrue(Files.notExists(dir.resolve("compare.md")), "nothing written on bad input");
    }
}
