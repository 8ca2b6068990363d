package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.analysis.RawGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile model files through the CLI: refused before ONNX Runtime or the analysis reads them,
 * with exit code 2 and one line on stderr that names the file and the problem.
 */
class UntrustedModelCommandTest {

    @TempDir
    Path dir;

    /** y = x + Constant, the Constant's 4 floats stored at {@code location}. */
    private static ModelProto constantWithExternalData(String location) {
        TensorProto value = TensorProto.newBuilder().setName("c").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(4).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location)).build();
        AttributeProto attr = AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                .setT(value).build();
        return new RawGraph().input("x", 1, 4).node("Constant", List.of(), List.of("c"), attr)
                .node("Add", List.of("x", "c"), List.of("y")).output("y").build(17);
    }

    /** Runs {@code analyze FILE}; asserts exit 2 and one line on stderr; returns that line. */
    private static String analyzeRefuses(Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.execute(out, err, "analyze", file.toString()), err.toString());
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("blockbench: " + file + ": "), e);
        return e;
    }

    private Path write(String relative, ModelProto model) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, model.toByteArray());
        return file;
    }

    @Test
    void analyzeRefusesAConstantReadingOutsideTheModelDirectory() throws Exception {
        String line = analyzeRefuses(write("a/b/m.onnx", constantWithExternalData("../../../../etc/passwd")));
        assertTrue(line.contains("node 'Constant_0' (Constant) attribute 'value' uses external data at"
                + " '../../../../etc/passwd', which leaves the model's directory"), line);
    }

    @Test
    void analyzeRefusesAConstantWithAnAbsoluteExternalPath() throws Exception {
        String line = analyzeRefuses(write("m.onnx", constantWithExternalData("/etc/passwd")));
        assertTrue(line.contains("uses external data at '/etc/passwd', an absolute path"), line);
    }

    @Test
    void analyzeRefusesAConstantReadThroughASymlinkOutOfTheDirectory() throws Exception {
        Path secret = Files.write(dir.resolve("secret.bin"), new byte[16]);
        Path file = write("models/m.onnx", constantWithExternalData("w.bin"));
        Files.createSymbolicLink(file.resolveSibling("w.bin"), secret);
        String line = analyzeRefuses(file);
        assertTrue(line.contains("uses external data at 'w.bin', which leaves the model's directory")
                && line.contains("through a symbolic link"), line);
    }

    @Test
    void analyzeRefusesAHugeDeclaredInputInsteadOfSpinning() throws Exception {
        ModelProto huge = new RawGraph().input("x", 1, 3, 224, 1L << 40).node("Relu", List.of("x"), List.of("y"))
                .output("y").build(17);
        String line = analyzeRefuses(write("huge.onnx", huge));
        assertTrue(line.contains("input 'x' declares shape [1, 3, 224, 1099511627776], more than 2147483647 elements"),
                line);
    }
}
