package org.blockbench.regress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.io.AtomicFile;

/**
 * Where a {@link ComparisonReport} is written: {@code <out>/<name>.<format>} for every format
 * asked for ({@link ComparisonReportFormat#NAMES}), as {@code compare} and {@code ab} write it.
 *
 * @param out     the directory of the reports
 * @param name    the file stem
 * @param formats format names, which are also the extensions
 */
public record ComparisonReportFiles(Path out, String name, List<String> formats) {

    public ComparisonReportFiles {
        formats = List.copyOf(formats);
    }

    /** Writes {@code report} in every format, each file atomically; returns the files in the order of the formats. */
    public List<Path> write(ComparisonReport report) {
        List<ComparisonReportFormat> chosen = formats.stream().map(ComparisonReportFormat::of).toList();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Path file = out.resolve(name + "." + formats.get(i));
            ComparisonReportFormat format = chosen.get(i);
            AtomicFile.write(file, o -> format.write(report, o));
            files.add(file);
        }
        return files;
    }
}
