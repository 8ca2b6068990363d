package org.blockbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void escapeLeavesNoTagAndClosesNoAttribute() {
        assertEquals("&lt;img src=x onerror=&quot;a&#39;b&quot;&gt; &amp;amp; ok", HtmlText.escape("<img src=x onerror=\"a'b\"> &amp; ok"));
        assertEquals("plain/path-1.json", HtmlText.escape("plain/path-1.json"));
    }

    @Test
    void markdownKeepsQuotesAndEscapesTheHtml() {
        assertEquals("\"q\" 'a' &lt;b&gt; &amp;lt;", MarkdownText.escape("\"q\" 'a' <b> &lt;"));
        assertEquals("\\#1 &amp;\\#35;", MarkdownText.escape("#1 &#35;"));
    }
}
