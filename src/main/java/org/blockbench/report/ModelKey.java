package org.blockbench.report;

import java.util.Comparator;
import java.util.List;
import org.blockbench.zoo.BlockRegistry;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;

/**
 * Which model a leaderboard row is about: a zoo model ({@code Block/position}, position one of
 * early, mid, late or gwo-net), or a user's ONNX file (block = file name without ".onnx",
 * position = "" and {@link #file} its path as the benchmark recorded it).
 *
 * @param block    block name, or the file's stem
 * @param position scaffold position, "gwo-net", or "" for a user's file
 * @param file     the .onnx path for a user's file, "" for a zoo model
 */
public record ModelKey(String block, String position, String file) implements Comparable<ModelKey> {

    private static final List<String> POSITION_ORDER = List.of(Position.EARLY.id(), Position.MID.id(), Position.LATE.id(),
            ModelId.GWO_NETWORK, "");

    /** A zoo model. */
    public static ModelKey zoo(String block, String position) {
        return new ModelKey(block, position, "");
    }

    /**
     * Parses the model identifier the benchmark records: {@code Block/position}, or a path ending
     * in ".onnx" for a user's file (made absolute and normalised, so that the benchmark's and the
     * trainer's spellings of one file meet).
     */
    public static ModelKey parse(String model) {
        String m = model.strip();
        if (m.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
            String name = m.substring(Math.max(m.lastIndexOf('/'), m.lastIndexOf('\\')) + 1);
            String path;
            try {
                path = java.nio.file.Path.of(m).toAbsolutePath().normalize().toString();
            } catch (java.nio.file.InvalidPathException e) {
                path = m;
            }
            return new ModelKey(name.substring(0, name.length() - ".onnx".length()), "", path);
        }
        ModelId id;
        try {
            id = ModelId.parse(m);
        } catch (org.blockbench.BadInputException e) {
            // the benchmark's record allows a second form, which the message names
            throw new org.blockbench.BadInputException("model " + org.blockbench.onnx.NodeView.quote(model)
                    + " is neither Block/position nor a path to a .onnx file", e);
        }
        return zoo(id.block(), id.position());
    }

    /** True for a user's ONNX file. */
    public boolean isFile() {
        return !file.isEmpty();
    }

    /** True for one of the three scaffold positions (early, mid, late). */
    public boolean isScaffold() {
        return !isFile() && Position.ids().contains(position);
    }

    /** "Block/position", or the file's stem. */
    public String label() {
        return isFile() ? block : block + "/" + position;
    }

    /** Catalogue order of blocks (unknown blocks after, by name), then early, mid, late, gwo-net, files. */
    @Override
    public int compareTo(ModelKey o) {
        return ORDER.compare(this, o);
    }

    private static final Comparator<ModelKey> ORDER = Comparator
            .comparing(ModelKey::isFile)
            .thenComparingInt((ModelKey k) -> blockRank(k.block))
            .thenComparing(ModelKey::block)
            .thenComparingInt(k -> positionRank(k.position))
            .thenComparing(ModelKey::position)
            .thenComparing(ModelKey::file);

    private static int blockRank(String block) {
        int i = BlockRegistry.names().indexOf(block);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    static int positionRank(String position) {
        int i = POSITION_ORDER.indexOf(position);
        return i < 0 ? POSITION_ORDER.size() : i;
    }

    @Override
    public String toString() {
        return label();
    }
}
