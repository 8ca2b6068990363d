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

    /** {@code w} per channel along {@code axis} in [-qmax, qmax]: 127, or 64 under reduce_range. */
    static Quantized weight(FloatTensor w, int axis, int qmax) {
        long[] shape = w.shape();
        int channels = (int) shape[axis];
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= (int) shape[d];
        }
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

    static TensorProto uint8Scalar(int value) {
        return TensorProto.newBuilder().setDataType(TensorProto.DataType.UINT8_VALUE)
                .setRawData(ByteString.copyFrom(new byte[] {(byte) value})).build();
    }

    private static TensorProto zeros(int type, int count, int bytesPerValue) {
        return TensorProto.newBuilder().setDataType(type).addDims(count)
                .setRawData(ByteString.copyFrom(new byte[count * bytesPerValue])).build();
    }
}
