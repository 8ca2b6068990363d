package org.blockbench.regress;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.blockbench.BadInputException;

/** Writes a {@link ComparisonReport} in one format. Each format is sealed by a golden-file or round-trip test. */
@FunctionalInterface
public interface ComparisonReportFormat {

    /** Format names, which are also the file extensions. */
    List<String> NAMES = List.of("md", "json");

    void write(ComparisonReport report, OutputStream out) throws IOException;

    /**
     * The format called {@code name}.
     *
     * @throws BadInputException for an unknown name, listing the valid ones
     */
    static ComparisonReportFormat of(String name) {
        return switch (name) {
            case "md" -> new ComparisonReportMarkdown();
            case "json" -> new ComparisonReportJson();
            default -> throw BadInputException.unknown("report format", name, NAMES);
        };
    }
}
