package org.blockbench.bench.result;

import java.nio.file.Path;
import java.util.List;

/**
 * One merge {@code blockbench merge} asks {@link ResultMerger} for.
 *
 * @param inputs       JMH JSON files or run directories
 * @param output       the merged JMH JSON (its sidecar beside it)
 * @param allowPartial merge even when shards of the sweep are missing ({@link ShardCoverage})
 */
public record MergeRequest(List<Path> inputs, Path output, boolean allowPartial) {

    public MergeRequest {
        inputs = List.copyOf(inputs);
    }
}
