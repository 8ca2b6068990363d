package org.blockbench.onnx;

/**
 * The one IEEE 754 binary16 conversion (FP16 variants write it, {@link TensorProtos} reads it),
 * round to nearest even (what numpy's {@code astype(float16)} and onnxconverter-common do);
 * Java 17 has no {@code Float.floatToFloat16}. Values beyond the half range become ±infinity,
 * as numpy's do (the converter warns and clips; no zoo weight gets near 65504).
 */
public final class HalfFloat {

    private HalfFloat() {
    }

    /** {@code f} as binary16 bits, rounded to nearest even. */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int val = bits & 0x7fffffff;
        if (val >= 0x7f800000) {
            // infinity stays infinity; NaN stays a (quiet) NaN
            return (short) (sign | 0x7c00 | (val > 0x7f800000 ? 0x200 | ((val >>> 13) & 0x3ff) : 0));
        }
        if (val >= 0x477ff000) {
            return (short) (sign | 0x7c00); // 65520 and above round to infinity
        }
        if (val >= 0x38800000) {
            // normal half: rebias the exponent (127 -> 15), round the 13 dropped mantissa bits to even
            int h = (((val >>> 23) - 112) << 10) | ((val & 0x7fffff) >>> 13);
            int rem = val & 0x1fff;
            if (rem > 0x1000 || (rem == 0x1000 && (h & 1) == 1)) {
                h++; // a carry into the exponent is the correct rounding
            }
            return (short) (sign | h);
        }
        if (val < 0x33000000) {
            return (short) sign; // below 2^-25: rounds to zero
        }
        // subnormal half: units of 2^-24
        int exp = val >>> 23;
        int mant = (val & 0x7fffff) | 0x800000;
        int shift = 126 - exp;
        int h = mant >>> shift;
        int rem = mant & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (rem > halfway || (rem == halfway && (h & 1) == 1)) {
            h++;
        }
        return (short) (sign | h);
    }

    /** The float that binary16 bits {@code half} hold (exactly: every half is a float). */
    public static float toFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
