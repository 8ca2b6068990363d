package org.blockbench.report;

import java.util.function.Function;

/** A cost axis that accuracy is traded against: latency, MACs, memory. */
public enum Axis {
    LATENCY("latency", "Latency (ms, mean per call)", 1, r -> r.latency() == null ? null : r.latency().meanMs()),
    MACS("macs", "MACs (multiply-accumulates per image)", 1e6, r -> r.cost() == null ? null : (double) r.cost().macs()),
    MEMORY("memory", "Memory (MiB: parameters + buffers + peak activations)", 1,
            r -> r.cost() == null ? null : r.cost().memoryBytes() / (1024.0 * 1024.0));

    private final String id;
    private final String label;
    private final double plotDivisor;
    private final Function<LeaderboardRow, Double> value;

    Axis(String id, String label, double plotDivisor, Function<LeaderboardRow, Double> value) {
        this.id = id;
        this.label = label;
        this.plotDivisor = plotDivisor;
        this.value = value;
    }

    /** Plots show the value divided by this (MACs in millions). */
    public double plotDivisor() {
        return plotDivisor;
    }

    /** The axis title on a plot, with the plotted unit. */
    public String plotLabel() {
        return switch (this) {
            case LATENCY -> "Latency (ms per call, mean)";
            case MACS -> "M MACs per image";
            case MEMORY -> "Memory (MiB: parameters + buffers + peak activations)";
        };
    }

    /** Lower-case name used in file names and JSON. */
    public String id() {
        return id;
    }

    /** Axis title with unit. */
    public String label() {
        return label;
    }

    /** The row's value on this axis, or null when not measured. */
    public Double of(LeaderboardRow row) {
        return value.apply(row);
    }
}
