package org.blockbench.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.Arrays;

/** One node attribute, typed at creation so that the builder never guesses. */
public record Attribute(String name, AttributeProto proto) {

    public static Attribute ints(String name, long... values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        Arrays.stream(values).forEach(b::addInts);
        return new Attribute(name, b.build());
    }

    public static Attribute integer(String name, long value) {
        return new Attribute(name, AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.INT).setI(value).build());
    }

    public static Attribute real(String name, float value) {
        return new Attribute(name, AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.FLOAT).setF(value).build());
    }

    public static Attribute tensor(String name, ai.onnx.proto.OnnxMl.TensorProto value) {
        return new Attribute(name, AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.TENSOR).setT(value).build());
    }

    public static Attribute string(String name, String value) {
        return new Attribute(name, AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build());
    }
}
