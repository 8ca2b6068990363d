package org.blockbench.regress;

import java.nio.file.Path;
import java.util.List;

/**
 * One A/A check {@code blockbench verdict-check aa} asks {@link AaCheck} for: runs of the same code,
 * and how their false alarms are counted and judged.
 *
 * @param inputs        JMH JSON files, one run each, or one directory whose {@code *.json} files are the runs
 * @param window        runs pooled per baseline in the nightly design
 * @param maxSlowerRate the largest acceptable fraction of false "slower" verdicts
 * @param thresholds    thresholds at which the unguarded designs' slower rate is also shown
 * @param metric        the metric compared
 * @param policy        the verdict policy
 * @param minCpuShare   the busy-machine guard's CPU share, in [0, 1]; 0 leaves out the guarded designs
 * @param out           the directory of the report
 * @param name          the report's file stem ({@code <out>/<name>.md})
 */
public record AaCheckRequest(List<Path> inputs, int window, double maxSlowerRate, List<Double> thresholds, Metric metric,
                             VerdictPolicy policy, double minCpuShare, Path out, String name) {

    public AaCheckRequest {
        inputs = List.copyOf(inputs);
        thresholds = List.copyOf(thresholds);
    }
}
