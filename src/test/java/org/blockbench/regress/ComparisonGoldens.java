package org.blockbench.regress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixture comparison (src/test/resources/regress/new-avgt.json against base-avgt.json)
 * rendered in each report format, keyed by golden file (class-path path). The JSON's
 * provenance (Java version, OS) is machine-dependent and written as {@code <java>} and
 * {@code <os>}. Shared by {@link ComparisonReportGoldenTest} and {@link org.blockbench.GoldenFiles}.
 */
public final class ComparisonGoldens {

    static final String DIR = "regress/golden/";

    private ComparisonGoldens() {
    }

    static ComparisonReport fixtureReport() {
        Path f = ResultSetsTest.FIXTURES;
        ResultSet base = ResultSets.read(f.resolve("base-avgt.json"));
        ResultSet fresh = ResultSets.read(f.resolve("new-avgt.json"));
        return RegressionCheck.compare("new-avgt.json vs base-avgt.json", base, fresh, VerdictPolicy.DEFAULTS,
                Instant.parse("2025-01-02T03:04:05Z"));
    }

    /** Every format's golden. */
    public static Map<String, String> renderAll() {
        ComparisonReport r = fixtureReport();
        Map<String, String> out = new LinkedHashMap<>();
        out.put(DIR + "compare.md", ComparisonReportMarkdown.render(r));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            new ComparisonReportJson().write(r, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.put(DIR + "compare.json", json.toString(StandardCharsets.UTF_8)
                .replace("\"" + System.getProperty("java.version") + "\"", "\"<java>\"")
                .replace("\"" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\"", "\"<os>\""));
        return out;
    }
}
