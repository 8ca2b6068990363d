package org.blockbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.blockbench.BadInputException;
import org.blockbench.zoo.ModelId;
import org.junit.jupiter.api.Test;

/** The one model reference: which text names which model, and the labels and keys that follow. */
class ModelRefTest {

    @Test
    void aRegisteredBlockIsAZooModelAnyOtherBlockAPacksModel() {
        ModelRef zoo = ModelRef.parse("ResNetBasicBlock/mid");
        assertInstanceOf(ModelRef.ZooModel.class, zoo);
        assertEquals(new ModelRef.ZooModel(new ModelId("ResNetBasicBlock", "mid")), zoo);
        assertEquals("ResNetBasicBlock/mid", zoo.label());
        assertEquals("ResNetBasicBlock/mid", zoo.text());
        assertEquals("ResNetBasicBlock/mid", zoo.directory());
        assertTrue(zoo.isScaffold());
        assertInstanceOf(ModelRef.ZooModel.class, ModelRef.parse("StandardConv/gwo-net"), "a GWO network is the zoo's");
        assertInstanceOf(ModelRef.PackModel.class, ModelRef.parse(" My.Block/early "), "stripped, then a pack's");
        assertEquals(ModelRef.of("My.Block", "early"), ModelRef.parse("My.Block/early"));
    }

    @Test
    void aTextEndingInOnnxInAnyCaseIsAFileMadeAbsolute() {
        ModelRef f = ModelRef.parse("models/../models/net.onnx");
        assertInstanceOf(ModelRef.UserFile.class, f);
        assertEquals(Path.of("models/net.onnx").toAbsolutePath().toString(), f.text(), "absolute and normalised");
        assertEquals(f, ModelRef.parse(Path.of("models/net.onnx").toAbsolutePath().toString()), "two spellings, one model");
        assertEquals("net", f.label());
        assertEquals("net", f.block());
        assertEquals("", f.position());
        assertTrue(f.isFile());
        ModelRef upper = ModelRef.parse("Net.ONNX");
        assertInstanceOf(ModelRef.UserFile.class, upper, "Net.ONNX is a file to bench and report alike");
        assertEquals("Net", upper.label());
        // a file laid out like the zoo (or literally named like an id) is still a file
        ModelRef likeId = ModelRef.parse("ResNetBasicBlock/mid.onnx");
        assertInstanceOf(ModelRef.UserFile.class, likeId);
        assertEquals("mid", likeId.label());
        assertNotEquals(ModelRef.parse("ResNetBasicBlock/mid"), likeId);
        assertEquals(likeId, ModelRef.parse(likeId.text()), "text() parses back to the same model");
    }

    @Test
    void anythingElseNamesBothValidForms() {
        for (String bad : List.of("ResNetBasicBlock", "/mid", "A/", "A/b/c", "net.onnx.bak", "")) {
            BadInputException e = assertThrows(BadInputException.class, () -> ModelRef.parse(bad));
            assertTrue(e.getMessage().contains("neither Block/position nor a path to a .onnx file"), e.getMessage());
        }
    }

    @Test
    void keysAreStableFileNameSafeAndNeverShared() {
        assertEquals("ResNetBasicBlock-early", ModelRef.parse("ResNetBasicBlock/early").key());
        assertEquals("StandardConv-gwo-net", ModelRef.parse("StandardConv/gwo-net").key());
        String dotted = ModelRef.parse("My.Block/early").key();
        String underscored = ModelRef.parse("My_Block/early").key();
        assertNotEquals(dotted, underscored);
        assertTrue(dotted.matches("My_Block-early-[0-9a-f]{8}"), dotted);
        assertTrue(underscored.matches("My_Block-early-[0-9a-f]{8}"), underscored);
        assertEquals(dotted, ModelRef.parse("My.Block/early").key(), "stable");
        ModelRef a = ModelRef.parse("a/net.onnx");
        ModelRef b = ModelRef.parse("b/net.onnx");
        assertNotEquals(a.key(), b.key(), "two net.onnx in different directories");
        assertEquals(a.key(), ModelRef.parse("./a/../a/net.onnx").key(), "one file, one key");
        assertTrue(a.key().matches("net-[0-9a-f]{8}"), a.key());
        assertEquals("onnx/" + a.key(), a.directory());
        Set<String> keys = new HashSet<>();
        for (String text : List.of("My.Block/early", "My_Block/early", "My Block/early", "My-Block/early",
                "My.Block/mid", "a/net.onnx", "b/net.onnx", "a/My.Block.onnx", "a/net.ONNX")) {
            String key = ModelRef.parse(text).key();
            assertTrue(key.matches("[A-Za-z0-9_-]+"), key);
            assertTrue(keys.add(key), "shared key " + key);
        }
    }

    @Test
    void catalogueOrderThenPositionsThenFiles() {
        List<ModelRef> refs = new ArrayList<>(List.of(ModelRef.parse("x.onnx"), ModelRef.of("Zeta", "early"),
                ModelRef.of("StandardConv", "gwo-net"), ModelRef.of("MobileOneBlock", "late"), ModelRef.of("StandardConv", "early"),
                ModelRef.of("ResNetBasicBlock", "mid"), ModelRef.of("ResNetBasicBlock", "early")));
        refs.sort(null);
        assertEquals(List.of("ResNetBasicBlock/early", "ResNetBasicBlock/mid", "MobileOneBlock/late", "StandardConv/early",
                "StandardConv/gwo-net", "Zeta/early", "x"), refs.stream().map(ModelRef::label).toList());
    }
}
