package org.blockbench.zoo;

/**
 * A zoo model: a block at a scaffold position ({@code early}, {@code mid}, {@code late}), or
 * a GWO baseline network ({@link #GWO_NETWORK}). Rendered "Block/position", which is also
 * its directory under onnx-models/.
 */
public record ModelId(String block, String position) {

    /** The position name of the GWO baseline networks. */
    public static final String GWO_NETWORK = "gwo-net";

    public boolean isGwoNetwork() {
        return GWO_NETWORK.equals(position);
    }

    @Override
    public String toString() {
        return block + "/" + position;
    }
}
