package org.blockbench.gwo;

import java.util.List;

/**
 * One operation of a module described in the GWO grammar, e.g. a 3×3 convolution =
 * STATIC_SLIDING + DENSE_SQUARE + SHARED_KERNEL.
 */
public record GwoOperation(String name, List<GwoPrimitive> primitives) {

    public GwoOperation {
        primitives = List.copyOf(primitives);
    }

    /** A k×k convolution with a static kernel shared over positions. */
    public static GwoOperation slidingConv(String name) {
        return new GwoOperation(name, List.of(GwoPrimitive.STATIC_SLIDING, GwoPrimitive.DENSE_SQUARE, GwoPrimitive.SHARED_KERNEL));
    }

    /** A 1×1 (pointwise) convolution or linear map: channel mixing only. */
    public static GwoOperation pointwise(String name) {
        return new GwoOperation(name, List.of(GwoPrimitive.SHARED_KERNEL));
    }

    /** An identity skip connection. */
    public static GwoOperation skip(String name) {
        return new GwoOperation(name, List.of(GwoPrimitive.IDENTITY));
    }

    public int cost() {
        return primitives.stream().mapToInt(GwoPrimitive::cost).sum();
    }
}
