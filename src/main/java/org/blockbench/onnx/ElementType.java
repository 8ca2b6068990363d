package org.blockbench.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;

/** Facts about ONNX element types ({@code TensorProto.DataType} numbers). */
public final class ElementType {

    /** {@code FLOAT}, the type of every activation the zoo writes. */
    public static final int FLOAT = DataType.FLOAT.getNumber();
    /** {@code INT64}, the type of shapes and indices. */
    public static final int INT64 = DataType.INT64.getNumber();
    /** {@code BOOL}. */
    public static final int BOOL = DataType.BOOL.getNumber();

    private ElementType() {
    }

    /** Bytes per element, or -1 for types without a fixed size (string, unknown). */
    public static int bytes(int type) {
        DataType t = DataType.forNumber(type);
        if (t == null) {
            return -1;
        }
        return switch (t) {
            case DOUBLE, INT64, UINT64, COMPLEX64 -> 8;
            case FLOAT, INT32, UINT32 -> 4;
            case FLOAT16, BFLOAT16, INT16, UINT16 -> 2;
            case INT8, UINT8, BOOL -> 1;
            case COMPLEX128 -> 16;
            default -> t.name().startsWith("FLOAT8") ? 1 : -1;
        };
    }

    /** True for the floating-point types. */
    public static boolean isFloating(int type) {
        DataType t = DataType.forNumber(type);
        return t != null && (t == DataType.FLOAT || t == DataType.DOUBLE || t == DataType.FLOAT16
                || t == DataType.BFLOAT16 || t.name().startsWith("FLOAT8"));
    }

    /** The ONNX name in lower case ("float", "int64"), or "type#N" for an unknown number. */
    public static String name(int type) {
        DataType t = DataType.forNumber(type);
        return t == null ? "type#" + type : t.name().toLowerCase(java.util.Locale.ROOT);
    }
}
