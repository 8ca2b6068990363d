package org.blockbench.regress;

import java.io.IOException;
import java.io.OutputStream;
import org.blockbench.io.JsonFiles;

/**
 * The machine-readable report: the record {@link ComparisonReportFile} (format {@value
 * ComparisonReportFile#FORMAT}). A number that is not defined (NaN, an infinity) is written as
 * {@code null}, as in every JSON file BlockBench writes ({@link JsonFiles}); a missing interval
 * is null too.
 */
public final class ComparisonReportJson implements ComparisonReportFormat {

    @Override
    public void write(ComparisonReport report, OutputStream out) throws IOException {
        JsonFiles.snakeCase().writeValue(out, ComparisonReportFile.of(report));
    }
}
