package org.blockbench.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one decoder of stored tensors: the same values from raw_data and from the typed fields. */
class TensorProtosTest {

    private static TensorProto.Builder tensor(DataType type, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName("t").setDataType(type.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        return t;
    }

    private static ByteBuffer little(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static TensorProto raw(TensorProto.Builder t, ByteBuffer b) {
        return t.setRawData(ByteString.copyFrom(b.array())).build();
    }

    @Test
    void floatsFromRawDataAndFromFloatData() {
        TensorProto raw = raw(tensor(DataType.FLOAT, 2, 2), little(16).putFloat(1.5f).putFloat(-2f).putFloat(-0f).putFloat(3f));
        TensorProto typed = tensor(DataType.FLOAT, 2, 2).addAllFloatData(List.of(1.5f, -2f, -0f, 3f)).build();
        for (TensorProto t : List.of(raw, typed)) {
            assertArrayEquals(new long[] {2, 2}, TensorProtos.shape(t));
            assertEquals(4, TensorProtos.elements(t));
            assertEquals(16, TensorProtos.bytes(t));
            assertArrayEquals(new float[] {1.5f, -2f, -0f, 3f}, TensorProtos.floats(t));
            assertArrayEquals(new double[] {1.5, -2, -0.0, 3}, TensorProtos.decode(t).reals());
            assertEquals(1, TensorProtos.zeros(t)); // -0 is a zero
        }
    }

    @Test
    void halfFloatsFromRawDataAndFromInt32Data() {
        TensorProto raw = raw(tensor(DataType.FLOAT16, 3),
                little(6).putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x0001));
        TensorProto typed = tensor(DataType.FLOAT16, 3).addAllInt32Data(List.of(0x3c00, 0xc000, 0x0001)).build();
        for (TensorProto t : List.of(raw, typed)) {
            assertEquals(6, TensorProtos.bytes(t));
            assertArrayEquals(new float[] {1f, -2f, 0x1p-24f}, TensorProtos.floats(t));
        }
    }

    @Test
    void bfloat16KeepsTheTopHalfOfAFloat() {
        TensorProto t = raw(tensor(DataType.BFLOAT16, 2), little(4).putShort((short) 0x3f80).putShort((short) 0xc0a0));
        assertArrayEquals(new float[] {1f, -5f}, TensorProtos.floats(t));
    }

    @Test
    void integersKeepTheirSignedness() {
        assertArrayEquals(new long[] {-1, 127},
                TensorProtos.decode(raw(tensor(DataType.INT8, 2), little(2).put((byte) 0xff).put((byte) 0x7f))).ints());
        assertArrayEquals(new long[] {255, 127},
                TensorProtos.decode(raw(tensor(DataType.UINT8, 2), little(2).put((byte) 0xff).put((byte) 0x7f))).ints());
        assertArrayEquals(new long[] {-7, 1 << 30},
                TensorProtos.decode(raw(tensor(DataType.INT32, 2), little(8).putInt(-7).putInt(1 << 30))).ints());
        assertArrayEquals(new long[] {-7, 1L << 40},
                TensorProtos.decode(tensor(DataType.INT64, 2).addAllInt64Data(List.of(-7L, 1L << 40)).build()).ints());
        assertArrayEquals(new long[] {1, 0, 1},
                TensorProtos.decode(raw(tensor(DataType.BOOL, 3), little(3).put((byte) 1).put((byte) 0).put((byte) 1))).ints());
        assertNull(TensorProtos.floats(tensor(DataType.INT64, 1).addInt64Data(3).build()));
    }

    @Test
    void scalarHasOneElementAndStringsAreNotDecoded() {
        TensorProto scalar = tensor(DataType.DOUBLE).addDoubleData(0.25).build();
        assertEquals(1, TensorProtos.elements(scalar));
        assertArrayEquals(new float[] {0.25f}, TensorProtos.floats(scalar));
        TensorProto text = tensor(DataType.STRING, 1).addStringData(ByteString.copyFromUtf8("a")).build();
        assertEquals(-1, TensorProtos.bytes(text));
        assertNull(TensorProtos.decode(text));
        assertEquals(-1, TensorProtos.zeros(text));
    }
}
