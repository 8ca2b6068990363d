package org.blockbench.text;

/**
 * Makes any text render literally in HTML, whatever a model, file or benchmark name holds: the
 * one HTML escaping of the project, for element content and for double- or single-quoted
 * attribute values ({@code report.LeaderboardHtml}), and for the HTML that Markdown passes
 * through ({@link MarkdownText}).
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code & < > " '} as entities: safe in element content and in any quoted attribute value. */
    public static String escape(String s) {
        return escape(s, true);
    }

    /**
     * {@code & < >} as entities, quotes kept: safe in element content, and what Markdown needs
     * so that no text opens a tag.
     */
    static String escapeContent(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean quotes) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(quotes ? "&quot;" : "\"");
                case '\'' -> b.append(quotes ? "&#39;" : "'");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
