package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;

class ModelKeyTest {

    @Test
    void parsesZooIdsAndFiles() {
        assertEquals(ModelKey.zoo("ResNetBasicBlock", "mid"), ModelKey.parse("ResNetBasicBlock/mid"));
        ModelKey f = ModelKey.parse("models/../models/net.onnx");
        assertTrue(f.isFile());
        assertEquals("net", f.block());
        assertEquals(Path.of("models/net.onnx").toAbsolutePath().toString(), f.file(), "absolute and normalised");
        assertEquals(f, ModelKey.parse(Path.of("models/net.onnx").toAbsolutePath().toString()), "two spellings, one model");
        for (String bad : List.of("ResNetBasicBlock", "/mid", "A/", "A/b/c")) {
            BadInputException e = assertThrows(BadInputException.class, () -> ModelKey.parse(bad));
            assertTrue(e.getMessage().contains("neither Block/position nor a path to a .onnx file"), e.getMessage());
        }
    }

    @Test
    void catalogueOrderThenPositionsThenFiles() {
        List<ModelKey> keys = new ArrayList<>(List.of(ModelKey.parse("x.onnx"), ModelKey.zoo("Zeta", "early"),
                ModelKey.zoo("StandardConv", "gwo-net"), ModelKey.zoo("MobileOneBlock", "late"), ModelKey.zoo("StandardConv", "early"),
                ModelKey.zoo("ResNetBasicBlock", "mid"), ModelKey.zoo("ResNetBasicBlock", "early")));
        keys.sort(null);
        assertEquals(List.of("ResNetBasicBlock/early", "ResNetBasicBlock/mid", "MobileOneBlock/late", "StandardConv/early",
                "StandardConv/gwo-net", "Zeta/early", "x"), keys.stream().map(ModelKey::label).toList());
    }
}
