package org.blockbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void controlCharactersAreEscapedSoTextStaysOnOneLine() {
        assertEquals("model a\\nb.onnx\\r\\tx\\u0007", OneLine.of("model a\nb.onnx\r\tx\u0007"));
        assertEquals("line\\u2028sep", OneLine.of("line\u2028sep"));
        assertEquals("plain = text", OneLine.of("plain = text"));
    }

    @Test
    void firstLineIsTheFirstNonBlankLineStripped() {
        assertEquals("Unexpected character ('x')", OneLine.firstLine("\n  Unexpected character ('x')  \n at [Source: f; line: 1]"));
        assertEquals("one", OneLine.firstLine("one"));
        assertEquals("", OneLine.firstLine(null));
        assertEquals("", OneLine.firstLine(" \n\t\n"));
    }
}
