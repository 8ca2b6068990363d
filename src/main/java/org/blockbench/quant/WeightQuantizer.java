package org.blockbench.quant;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.blockbench.onnx.FloatTensor;

/**
 * Weights and biases as ONNX Runtime's QDQ quantizer stores them with {@code per_channel=True}:
 * a weight int8, symmetric, one scale per slice along {@code axis} (the output channel), with
 * {@code scale = max|w| / 127} and values in [-127, 127] (ORT's symmetric int8 range; with
 * {@code reduce_range} {@code max|w| / 64} and [-64, 64]), zero point 0; a bias int32 with scale {@code input_scale × weight_scale[c]} and zero point 0
 * ({@code quantize_bias_static}). Rounding is half to even, as numpy's.
 */
final class WeightQuantizer {

    /** A quantized tensor and its per-channel scales. */
    record Quantized(TensorProto values, TensorProto scales, TensorProto zeroPoints, float[] scale) {
    }

    private WeightQuantizer() {
    }

    /** The per-channel scales of {@code w} along {@code axis}: {@code max|w| / qmax} (127, or 64 under reduce_range). */
    static float[] scales(FloatTensor w, int axis, int qmax) {
        long[] shape = w.shape();
        int channels = (int) shape[axis];
        int inner = inner(shape, axis);
        float[] data = w.data();
        float[] absMax = new float[channels];
        for (int i = 0; i < data.length; i++) {
            int c = (i / inner) % channels;
            absMax[c] = Math.max(absMax[c], Math.abs(data[i]));
        }
        float[] scale = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = absMax[c] * 2f / (2f * qmax); // ORT: (rmax - rmin) / (qmax - qmin), symmetric
            if (!(scale[c] >= Float.MIN_NORMAL)) {
                scale[c] = 1f; // an all-zero channel: ORT's compute_scale_zp gives scale 1
            }
        }
        return scale;
    }

    /**
     * ONNX Runtime's {@code _adjust_weight_scale_for_int32_bias}, per channel: where the bias
     * scale {@code input_scale × weight_scale[c]} is below {@code 1.0001 × 2|b[c]| / (2^32 − 2)},
     * the smallest that holds b[c] in int32, the weight scale is raised by the missing ratio (in
     * double, as ORT's fp64). Returns {@code scale} itself when every bias fits, else a copy.
     */
    static float[] fitInt32Bias(float[] bias, float inputScale, float[] scale) {
        double qrange = (double) Integer.MAX_VALUE - (Integer.MIN_VALUE + 1);
        float[] out = scale;
        for (int c = 0; c < scale.length; c++) {
            double smallest = 1.0001 * (2.0 * Math.abs(bias[c])) / qrange;
            double candidate = (double) inputScale * scale[c];
            if (candidate < smallest && candidate > 0) {
                if (out == scale) {
                    out = scale.clone();
                }
                out[c] = (float) (scale[c] * (smallest / candidate));
            }
        }
        return out;
    }

    /** {@code w} per channel along {@code axis} with the given scales, rounded half to even, in [-qmax, qmax]. */
    static Quantized weight(FloatTensor w, int axis, int qmax, float[] scale) {
        long[] shape = w.shape();
        int channels = (int) shape[axis];
        int inner = inner(shape, axis);
        float[] data = w.data();
        byte[] q = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            int c = (i / inner) % channels;
            q[i] = (byte) Math.max(-qmax, Math.min(qmax, Math.rint(data[i] / scale[c])));
        }
        TensorProto.Builder values = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT8_VALUE)
                .setRawData(ByteString.copyFrom(q));
        for (long d : shape) {
            values.addDims(d);
        }
        return new Quantized(values.build(), floats(scale), zeros(TensorProto.DataType.INT8_VALUE, channels, 1), scale);
    }

    /** Whether some channel with a nonzero weight has only zeros once quantized at {@code scale}. */
    static boolean zeroesAChannel(FloatTensor w, int axis, float[] scale) {
        long[] shape = w.shape();
        int channels = (int) shape[axis];
        int inner = inner(shape, axis);
        float[] data = w.data();
        boolean[] nonzero = new boolean[channels];
        boolean[] kept = new boolean[channels];
        for (int i = 0; i < data.length; i++) {
            int c = (i / inner) % channels;
            nonzero[c] |= data[i] != 0;
            kept[c] |= Math.rint(data[i] / scale[c]) != 0;
        }
        for (int c = 0; c < channels; c++) {
            if (nonzero[c] && !kept[c]) {
                return true;
            }
        }
        return false;
    }

    private static int inner(long[] shape, int axis) {
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= (int) shape[d];
        }
        return inner;
    }

    static Quantized bias(FloatTensor b, float inputScale, float[] weightScale) {
        float[] data = b.data();
        float[] scale = new float[data.length];
        ByteBuffer q = ByteBuffer.allocate(data.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < data.length; c++) {
            scale[c] = inputScale * weightScale[c];
            double v = Math.rint(data[c] / (double) scale[c]);
            q.putInt((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v)));
        }
        TensorProto values = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT32_VALUE)
                .addDims(data.length).setRawData(ByteString.copyFrom(q.array())).build();
        return new Quantized(values, floats(scale), zeros(TensorProto.DataType.INT32_VALUE, data.length, 4), scale);
    }

    static TensorProto floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(values.length)
                .setRawData(ByteString.copyFrom(b.array())).build();
    }

    static TensorProto floatScalar(float value) {
        return floats(value).toBuilder().clearDims().build();
    }

    /** {@code c} as uint8 with {@code p}'s scale and zero point, in {@code c}'s shape (QuantizeLinear's rounding). */
    static TensorProto uint8(FloatTensor c, ActivationParams p) {
        float[] data = c.data();
        byte[] q = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            q[i] = (byte) Math.max(0, Math.min(255, Math.rint(data[i] / p.scale()) + p.zeroPoint()));
        }
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(TensorProto.DataType.UINT8_VALUE)
                .setRawData(ByteString.copyFrom(q));
        for (long d : c.shape()) {
            t.addDims(d);
        }
        return t.build();
    }

    static TensorProto uint8Scalar(int value) {
        return TensorProto.newBuilder().setDataType(TensorProto.DataType.UINT8_VALUE)
                .setRawData(ByteString.copyFrom(new byte[] {(byte) value})).build();
    }

    private static TensorProto zeros(int type, int count, int bytesPerValue) {
        return TensorProto.newBuilder().setDataType(type).addDims(count)
                .setRawData(ByteString.copyFrom(new byte[count * bytesPerValue])).build();
    }
}
