package org.blockbench.data;

import java.util.Locale;

/** Training-time augmentation of a recipe. */
public enum Augmentation {
    /** Images as they are. */
    NONE,
    /**
     * torchvision's {@code RandomCrop(32, padding=4)} then {@code RandomHorizontalFlip()}: zero
     * (black) padding of 4 pixels, a uniformly placed 32×32 crop, a mirror with probability 1/2.
     */
    CROP_FLIP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
