package org.blockbench.zoo;

/**
 * What the scaffold asks of one block instance: channels in and out, stride, the stage's
 * position, and the spatial size of its input (some blocks build position-dependent
 * constants, e.g. the deformable conv's sampling grid).
 */
public record BlockSpec(int inChannels, int outChannels, int stride, Position position, int inHeight, int inWidth) {

    public BlockSpec {
        if (inChannels <= 0 || outChannels <= 0 || inHeight <= 0 || inWidth <= 0) {
            throw new IllegalArgumentException("channels and sizes must be positive: " + this);
        }
        if (stride != 1 && stride != 2) {
            throw new IllegalArgumentException("stride must be 1 or 2, found " + stride);
        }
    }

    /** Output height: ceil(H / stride), as a padded 3×3 conv or a ceil-mode pool gives. */
    public int outHeight() {
        return (inHeight + stride - 1) / stride;
    }

    public int outWidth() {
        return (inWidth + stride - 1) / stride;
    }

    /** True when input and output have the same shape, so an identity skip fits. */
    public boolean preservesShape() {
        return stride == 1 && inChannels == outChannels;
    }
}
