package org.blockbench.report;

import org.blockbench.model.ModelRef;
/**
 * Models compared on one Pareto frontier and one plot: the scaffold models (a block at a
 * position) together with users' ONNX files, which go through the same pipeline; and the GWO
 * baseline networks, two-layer networks three orders of magnitude smaller, which would
 * otherwise own the low-cost end of every frontier.
 */
public enum ComparisonGroup {
    BLOCKS("blocks", "Blocks in the scaffold and users' models"),
    GWO_NETWORKS("gwo-networks", "GWO baseline networks");

    private final String id;
    private final String title;

    ComparisonGroup(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Lower-case name used in file names and JSON. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static ComparisonGroup of(ModelRef k) {
        return !k.isFile() && k.position().equals(org.blockbench.zoo.ModelId.GWO_NETWORK) ? GWO_NETWORKS : BLOCKS;
    }
}
