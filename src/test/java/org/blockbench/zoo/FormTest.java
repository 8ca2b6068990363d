package org.blockbench.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;

/** The one notion of a model's form: train, deploy and the deploy form's variants int8 and fp16. */
class FormTest {

    @Test
    void formsParseInAnyCaseAndAnUnknownOneListsTheValidNames() {
        assertEquals(Form.DEPLOY, Form.parse(" Deploy "));
        assertEquals(Form.INT8, Form.parse("INT8"));
        BadInputException e = assertThrows(BadInputException.class, () -> Form.parse("int4"));
        assertEquals("unknown form 'int4', expected one of [train, deploy, int8, fp16]", e.getMessage());
    }

    @Test
    void variantsAreTheDeployFormsVariantsOnly() {
        assertEquals(List.of(Form.INT8, Form.FP16), Form.variants());
        assertEquals(Set.of(Form.INT8, Form.FP16), Form.parseVariants(List.of("fp16,int8", "fp16")));
        BadInputException e = assertThrows(BadInputException.class, () -> Form.parseVariants(List.of("deploy")));
        assertEquals("unknown variant 'deploy', expected one of [int8, fp16]", e.getMessage());
    }

    @Test
    void eachFormHasItsFileName() {
        assertEquals("train.onnx", Form.TRAIN.fileName());
        assertEquals("deploy.onnx", Form.DEPLOY.fileName());
        assertEquals("deploy.int8.onnx", Form.INT8.fileName());
        assertEquals("deploy.fp16.onnx", Form.FP16.fileName());
    }
}
