package org.blockbench.data;

/** Derives independent seeds from a run seed and a purpose (epoch, split, image index). */
public final class Seeds {

    private Seeds() {
    }

    /** SplitMix64 finalisation of {@code a·φ + b}: nearby inputs give unrelated seeds. */
    public static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
