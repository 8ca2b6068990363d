package org.blockbench.bench.result;

import java.util.Map;

/**
 * What the host-side check ({@code bench.sweep.Preflight}) learned about a config before JMH ran
 * it; recorded in the config's {@link ConfigMeta} (here, since the run's sidecar carries it too).
 *
 * @param modelFile       the file measured
 * @param modelSha256     its SHA-256
 * @param input           the input fed, name and concrete shape ("input[1, 3, 32, 32]")
 * @param outputsPinned   whether outputs go to tensors allocated once per trial
 * @param nodesByProvider nodes that each execution provider ran in a profiled inference with
 *                        the same session settings: what the session actually used
 */
public record PreflightFacts(String modelFile, String modelSha256, String input, boolean outputsPinned,
                             Map<String, Integer> nodesByProvider) implements java.io.Serializable {

    public PreflightFacts {
        nodesByProvider = Map.copyOf(nodesByProvider);
    }
}
