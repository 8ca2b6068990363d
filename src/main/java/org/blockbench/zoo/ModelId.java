package org.blockbench.zoo;

import org.blockbench.BadInputException;

/**
 * A zoo model: a block at a scaffold position ({@code early}, {@code mid}, {@code late}), or
 * a GWO baseline network ({@link #GWO_NETWORK}). Rendered "Block/position", which is also
 * its directory under onnx-models/.
 */
public record ModelId(String block, String position) {

    /** The position name of the GWO baseline networks. */
    public static final String GWO_NETWORK = "gwo-net";

    /**
     * Parses "Block/position": exactly one slash with a non-empty name on each side; anything
     * else is a {@link BadInputException} quoting the text (on one line) and the expected form.
     * Whether the block and position exist is the catalogue's question, not the parser's.
     */
    public static ModelId parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 1 || slash == t.length() - 1 || t.indexOf('/', slash + 1) >= 0) {
            throw new BadInputException("model id " + org.blockbench.onnx.NodeView.quote(text)
                    + " should be BLOCK/POSITION, e.g. ResNetBasicBlock/mid");
        }
        return new ModelId(t.substring(0, slash), t.substring(slash + 1));
    }

    public boolean isGwoNetwork() {
        return GWO_NETWORK.equals(position);
    }

    @Override
    public String toString() {
        return block + "/" + position;
    }
}
