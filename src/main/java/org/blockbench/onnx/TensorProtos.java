package org.blockbench.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one decoder of stored tensors ({@code TensorProto}: initializers and Constant node values),
 * whether their payload is in {@code raw_data} (little-endian) or in the typed repeated fields.
 * The analysis folds constants with it, quant and pack read weights with it, and the trainer's
 * LibTorch tensors are built on it ({@code train.interp.TorchTensors}). It trusts the payload
 * sizes {@link OnnxModelFile#read} has checked.
 */
public final class TensorProtos {

    private TensorProtos() {
    }

    /** The stored dimensions. */
    public static long[] shape(TensorProto t) {
        long[] shape = new long[t.getDimsCount()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = t.getDims(i);
        }
        return shape;
    }

    /** Number of elements the dimensions describe. */
    public static long elements(TensorProto t) {
        return FloatTensor.elementCount(shape(t));
    }

    /** Bytes of the payload (elements × element size), or -1 for variable-size types. */
    public static long bytes(TensorProto t) {
        int per = ElementType.bytes(t.getDataType());
        return per < 0 ? -1 : Math.multiplyExact(elements(t), per);
    }

    /** The contents, or null for element types this reader does not decode (string, complex). */
    public static ConstantValue decode(TensorProto t) {
        int n = Math.toIntExact(elements(t));
        DataType type = DataType.forNumber(t.getDataType());
        if (type == null) {
            return null;
        }
        boolean raw = !t.getRawData().isEmpty();
        ByteBuffer b = raw ? t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN) : null;
        switch (type) {
            case FLOAT: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? b.getFloat(i * 4) : t.getFloatData(i);
                }
                return new ConstantValue(null, v);
            }
            case DOUBLE: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? b.getDouble(i * 8) : t.getDoubleData(i);
                }
                return new ConstantValue(null, v);
            }
            case FLOAT16: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = HalfFloat.toFloat(raw ? b.getShort(i * 2) : (short) t.getInt32Data(i));
                }
                return new ConstantValue(null, v);
            }
            case BFLOAT16: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    int bits = (raw ? b.getShort(i * 2) : t.getInt32Data(i)) & 0xffff;
                    v[i] = Float.intBitsToFloat(bits << 16);
                }
                return new ConstantValue(null, v);
            }
            case INT64: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? b.getLong(i * 8) : t.getInt64Data(i);
                }
                return new ConstantValue(v, null);
            }
            case UINT64, UINT32: {
                long[] v = new long[n];
                int per = type == DataType.UINT64 ? 8 : 4;
                for (int i = 0; i < n; i++) {
                    v[i] = raw ? (per == 8 ? b.getLong(i * 8) : b.getInt(i * 4) & 0xffffffffL) : t.getUint64Data(i);
                }
                return new ConstantValue(v, null);
            }
            case INT32, INT16, UINT16, INT8, UINT8, BOOL: {
                int per = ElementType.bytes(type.getNumber());
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    if (!raw) {
                        v[i] = t.getInt32Data(i);
                    } else if (per == 4) {
                        v[i] = b.getInt(i * 4);
                    } else if (per == 2) {
                        v[i] = type == DataType.INT16 ? b.getShort(i * 2) : b.getShort(i * 2) & 0xffff;
                    } else {
                        v[i] = type == DataType.INT8 ? b.get(i) : b.get(i) & 0xff;
                    }
                }
                return new ConstantValue(v, null);
            }
            default:
                return null;
        }
    }

    /** The contents as float32 (for floating types), or null for other types. */
    public static float[] floats(TensorProto t) {
        if (t.getDataType() == DataType.FLOAT.getNumber()) {
            int n = Math.toIntExact(elements(t));
            float[] out = new float[n];
            if (!t.getRawData().isEmpty()) {
                t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = t.getFloatData(i);
                }
            }
            return out;
        }
        if (!ElementType.isFloating(t.getDataType())) {
            return null;
        }
        ConstantValue v = decode(t);
        if (v == null) {
            return null;
        }
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) v.doubleAt(i);
        }
        return out;
    }

    /**
     * Number of elements equal to zero (+0 and -0 alike for floating types), or -1 for types this
     * reader does not decode. Reads raw payloads without decoding them.
     */
    public static long zeros(TensorProto t) {
        int type = t.getDataType();
        int per = ElementType.bytes(type);
        if (!t.getRawData().isEmpty() && per == 4) {
            return zeros32(t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer(),
                    ElementType.isFloating(type) ? 0x7fffffff : -1);
        }
        if (!t.getRawData().isEmpty() && per > 0) {
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long n = elements(t);
            long zeros = 0;
            boolean floating = ElementType.isFloating(type);
            for (int i = 0; i < n; i++) {
                boolean zero = switch (per) {
                    case 4 -> (b.getInt(i * 4) & (floating ? 0x7fffffff : -1)) == 0;
                    case 8 -> (b.getLong(i * 8) & (floating ? 0x7fffffffffffffffL : -1L)) == 0;
                    case 2 -> (b.getShort(i * 2) & (floating ? 0x7fff : 0xffff)) == 0;
                    case 1 -> (b.get(i) & (floating ? 0x7f : 0xff)) == 0;
                    default -> false;
                };
                if (zero) {
                    zeros++;
                }
            }
            return zeros;
        }
        ConstantValue v = decode(t);
        if (v == null) {
            return -1;
        }
        long zeros = 0;
        for (int i = 0; i < v.size(); i++) {
            if (v.doubleAt(i) == 0) {
                zeros++;
            }
        }
        return zeros;
    }

    /** Zeros among 32-bit elements under {@code mask}, read in bulk chunks. */
    private static long zeros32(java.nio.IntBuffer in, int mask) {
        int[] chunk = new int[8192];
        long zeros = 0;
        while (in.hasRemaining()) {
            int n = Math.min(chunk.length, in.remaining());
            in.get(chunk, 0, n);
            for (int i = 0; i < n; i++) {
                zeros += (chunk[i] & mask) == 0 ? 1 : 0;
            }
        }
        return zeros;
    }
}
