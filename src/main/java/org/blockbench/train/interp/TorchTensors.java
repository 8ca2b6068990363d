package org.blockbench.train.interp;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.Arrays;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.OnnxModelException;
import org.blockbench.onnx.TensorProtos;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Copies between Java arrays, {@link FloatTensor}s, ONNX {@link TensorProto}s and LibTorch
 * tensors. Every tensor returned owns its memory (a copy, never a view of a Java buffer).
 *
 * <p>Tensors made here belong to the innermost open {@code PointerScope}, if any, like any other
 * Bytedeco object; long-lived tensors (parameters) must be made outside one. Temporaries
 * (the Java buffer copy, the borrowed view) are freed before returning.
 */
public final class TorchTensors {

    private TorchTensors() {
    }

    /** A float32 tensor holding a copy of {@code data}. */
    public static Tensor fromFloats(float[] data, long... shape) {
        checkCount(data.length, shape);
        return copyOf(new FloatPointer(data), ScalarType.Float, shape);
    }

    /** A float64 tensor holding a copy of {@code data}. */
    public static Tensor fromDoubles(double[] data, long... shape) {
        checkCount(data.length, shape);
        return copyOf(new DoublePointer(data), ScalarType.Double, shape);
    }

    /** An int64 tensor holding a copy of {@code data}. */
    public static Tensor fromLongs(long[] data, long... shape) {
        checkCount(data.length, shape);
        return copyOf(new LongPointer(data), ScalarType.Long, shape);
    }

    /** A tensor owning a copy of the native buffer {@code p}, which is closed with its wrapper. */
    private static Tensor copyOf(Pointer p, ScalarType type, long[] shape) {
        try (p; TensorOptions options = new TensorOptions(type); Tensor blob = torch.from_blob(p, shape, options)) {
            return blob.clone();
        }
    }

    /** A tensor of {@code dtype} with the values of {@code t}. */
    public static Tensor fromFloatTensor(FloatTensor t, ScalarType dtype) {
        Tensor f = fromFloats(t.data(), t.shape());
        return dtype == ScalarType.Float ? f : f.to(dtype);
    }

    /** The values of a floating-point tensor as float32, row-major (copied to the CPU first if it lives on a GPU). */
    public static float[] floats(Tensor t) {
        Tensor c = onCpu(t.detach().to(ScalarType.Float).contiguous());
        float[] out = new float[Math.toIntExact(c.numel())];
        if (out.length > 0) {
            c.data_ptr_float().get(out);
        }
        return out;
    }

    /** The values of a floating-point tensor as float64, row-major. */
    public static double[] doubles(Tensor t) {
        Tensor c = onCpu(t.detach().to(ScalarType.Double).contiguous());
        double[] out = new double[Math.toIntExact(c.numel())];
        if (out.length > 0) {
            c.data_ptr_double().get(out);
        }
        return out;
    }

    /** The values of an integer tensor as int64. */
    public static long[] longs(Tensor t) {
        Tensor c = onCpu(t.detach().to(ScalarType.Long).contiguous());
        long[] out = new long[Math.toIntExact(c.numel())];
        if (out.length > 0) {
            c.data_ptr_long().get(out);
        }
        return out;
    }

    /** {@code t} itself on the CPU (no copy, no call into LibTorch's device code), else a CPU copy. */
    private static Tensor onCpu(Tensor t) {
        return t.is_cuda() ? t.cpu() : t;
    }

    /**
     * {@code t} on the device of {@code like}: {@code t} itself when {@code like} is on the CPU
     * (the CPU path stays exactly as it was), else a copy on {@code like}'s GPU. For tensors the
     * kernels make from Java arrays (indices) that meet a tensor on the training device.
     */
    public static Tensor onDeviceOf(Tensor t, Tensor like) {
        return like.is_cuda() ? t.to(like.device(), t.scalar_type()) : t;
    }

    /** The shape of {@code t}. */
    public static long[] shape(Tensor t) {
        long rank = t.dim();
        long[] s = new long[(int) rank];
        for (int i = 0; i < rank; i++) {
            s[i] = t.size(i);
        }
        return s;
    }

    /** A {@link FloatTensor} copy of {@code t}. */
    public static FloatTensor toFloatTensor(Tensor t) {
        return new FloatTensor(shape(t), floats(t));
    }

    /**
     * A tensor with the value of an ONNX initializer or Constant, as {@link TensorProtos} decodes
     * it; float types become {@code floatType}, integer types int64.
     */
    public static Tensor fromProto(TensorProto proto, ScalarType floatType, String context) {
        TensorProto.DataType type = TensorProto.DataType.forNumber(proto.getDataType());
        if (type == null) {
            throw new OnnxModelException(context + ": unknown tensor data type " + proto.getDataType());
        }
        long[] shape = TensorProtos.shape(proto);
        return switch (type) {
            case FLOAT -> fromFloatTensor(new FloatTensor(shape, TensorProtos.floats(proto)), floatType);
            case DOUBLE -> fromDoubles(TensorProtos.decode(proto).reals(), shape).to(floatType);
            case INT64, INT32 -> fromLongs(TensorProtos.decode(proto).ints(), shape);
            // LibTorch's Bool cast makes any non-zero byte true, as ONNX reads a bool
            case BOOL -> fromLongs(TensorProtos.decode(proto).ints(), shape).to(ScalarType.Bool);
            default -> throw new OnnxModelException(context + ": tensor type " + type
                    + " is not supported by the trainer (expected FLOAT, DOUBLE, INT64, INT32 or BOOL)");
        };
    }

    private static void checkCount(int length, long[] shape) {
        if (FloatTensor.elementCount(shape) != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs "
                    + FloatTensor.elementCount(shape) + " values, found " + length);
        }
    }
}
