package org.blockbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void escapeLeavesNoMarkupNoCellBreakNoLineBreak() {
        assertEquals("a \\| b &lt;script&gt; \\`x\\` \\*y\\* \\[l\\](u) \\#h  z",
                MarkdownText.escape("a | b <script> `x` *y* [l](u) #h\r\nz"));
    }

    @Test
    void codeSpanCannotBeClosedByABacktickInside() {
        assertEquals("`plain/path.json`", MarkdownText.code("plain/path.json"));
        assertEquals("``a`b``", MarkdownText.code("a`b"));
        assertEquals("``` ``x ```", MarkdownText.code("``x"));
        assertEquals("`two lines`", MarkdownText.code("two\nlines"));
    }
}
