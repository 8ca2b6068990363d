package org.blockbench.gwo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GwoSidecarTest {

    @TempDir
    Path dir;

    /** A user's copy of the deformable GWO network, declared by hand in a sidecar. */
    @Test
    void userModelDeclaresItsPrimitivesAndDynamicScopes() throws Exception {
        BuiltModel net = Zoo.build(new ModelId("DeformableConv", ModelId.GWO_NETWORK), Form.DEPLOY, ScaffoldConfig.defaults());
        Path onnx = dir.resolve("my_deform.onnx");
        OnnxModelFile.write(onnx, net.model());
        assertTrue(UserModelGwo.complexity(onnx).isEmpty(), "no sidecar, no GWO figures");

        Files.writeString(dir.resolve("my_deform.gwo.json"), """
                {"format": "blockbench-gwo/1",
                 "operations": [{"name": "deform", "primitives": ["content_aware", "DENSE_SQUARE(3)", "SHARED_KERNEL"]},
                                {"name": "relu", "primitives": ["IDENTITY"]}],
                 "instances": 2,
                 "dynamic_subnetworks": ["layer1.deform.offset", "layer2.deform.offset"]}
                """);
        GwoComplexity c = UserModelGwo.complexity(onnx).orElseThrow();
        assertEquals(10, c.descriptiveComplexity(), "(2 + 1 + 1 + 1) x 2 instances");
        // offset convs: 3*18*9 + 18 = 504 and 16*18*9 + 18 = 2610
        assertEquals(504 + 2610, c.dynamicParams());
        Map<String, Long> per = DynamicParameterCount.perScope(net.model(),
                new GwoAnnotation(java.util.List.of(), java.util.List.of("layer1.deform.offset", "layer2.deform.offset")), "x");
        assertEquals(Map.of("layer1.deform.offset", 504L, "layer2.deform.offset", 2610L), per);
    }

    @Test
    void misspeltScopeFailsInsteadOfCountingZero() throws Exception {
        BuiltModel net = Zoo.build(new ModelId("StandardConv", ModelId.GWO_NETWORK), Form.DEPLOY, ScaffoldConfig.defaults());
        Path onnx = dir.resolve("std.onnx");
        OnnxModelFile.write(onnx, net.model());
        Files.writeString(dir.resolve("std.gwo.json"), """
                {"format": "blockbench-gwo/1", "operations": [{"name": "c", "primitives": ["STATIC_SLIDING"]}],
                 "dynamic_subnetworks": ["ofset"]}
                """);
        BadInputException e = assertThrows(BadInputException.class, () -> UserModelGwo.complexity(onnx));
        assertTrue(e.getMessage().contains("'ofset' matches no trainable initializer"), e.getMessage());
        assertTrue(e.getMessage().contains("layer1.conv.weight"), e.getMessage());
    }

    @Test
    void malformedSidecarsSayWhatIsExpected() throws Exception {
        assertMessage("{\"format\": \"blockbench-gwo/1\", \"operations\": [{\"name\": \"a\", \"primitives\": [\"SLIDING\"]}]}",
                "unknown GWO primitive", "STATIC_SLIDING");
        assertMessage("{\"format\": \"gwo/0\", \"operations\": []}", "format 'gwo/0', expected 'blockbench-gwo/1'");
        assertMessage("{\"format\": \"blockbench-gwo/1\", \"operations\": []}", "non-empty array");
        assertMessage("{\"format\": \"blockbench-gwo/1\", \"ops\": []}", "unknown key", "operations");
        assertMessage("{\"format\": \"blockbench-gwo/1\", \"operations\": [{\"name\": \"a\", \"primitives\": [\"IDENTITY\"]}],"
                + " \"instances\": 0}", "\"instances\" must be an integer >= 1");
        assertMessage("[1, 2", "not valid JSON");
    }

    private void assertMessage(String json, String... parts) throws Exception {
        Path f = dir.resolve("m.gwo.json");
        Files.writeString(f, json);
        BadInputException e = assertThrows(BadInputException.class, () -> GwoSidecar.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), e.getMessage());
        }
    }

    @Test
    void sidecarSitsNextToTheModel() {
        assertEquals(Path.of("/m/x.gwo.json"), GwoSidecar.pathFor(Path.of("/m/x.onnx")));
        assertEquals(Path.of("/m/x.gwo.json"), GwoSidecar.pathFor(Path.of("/m/x.ONNX")));
    }
}
