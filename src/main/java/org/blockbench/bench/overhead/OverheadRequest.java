package org.blockbench.bench.overhead;

import java.nio.file.Path;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.bench.JmhSettings;
import org.blockbench.bench.SweepSelection;

/**
 * Everything one overhead measurement was asked to do: what {@code blockbench overhead} and
 * {@code run --breakdown} ask {@link OverheadSweep} for.
 *
 * @param modelSources models directories (with a manifest) or .onnx files/directories
 * @param selection    which configs
 * @param jmh          JMH options
 * @param output       the results root (never jmh-results: the board reads plain runs there)
 * @param run          the run's directory name under {@code output}
 * @param jvmArgs      extra arguments for JMH's forked JVMs
 * @param top          nodes listed in the breakdown
 * @param keepProfiles keep ONNX Runtime's profile files
 * @param breakdown    print time by operator type and the slowest nodes
 */
public record OverheadRequest(List<Path> modelSources, SweepSelection selection, JmhSettings jmh, Path output, String run,
                              List<String> jvmArgs, int top, boolean keepProfiles, boolean breakdown) {

    public OverheadRequest {
        modelSources = List.copyOf(modelSources);
        jvmArgs = List.copyOf(jvmArgs);
        if (top < 1) {
            throw new BadInputException("--top must be >= 1, found " + top);
        }
        if (!run.matches("[A-Za-z0-9._-]+")) {
            throw new BadInputException("run name must use letters, digits, '.', '_' and '-' only, found '" + run + "'");
        }
    }
}
