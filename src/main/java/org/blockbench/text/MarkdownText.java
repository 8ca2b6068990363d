package org.blockbench.text;

/**
 * Makes any text render literally in GitHub-flavoured Markdown, whatever a model, file or
 * benchmark name holds: no table cell split by {@code |}, no code span closed by a
 * backtick, no HTML tag, link, emphasis or heading, no line break.
 */
public final class MarkdownText {

    private MarkdownText() {
    }

    /**
     * Plain text: HTML specials as entities, Markdown specials with a backslash, CR and LF
     * (and other control characters) as a space. Safe in a paragraph, a list item and a table cell.
     */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '|', '\\', '`', '*', '_', '[', ']', '#', '!', '~' -> b.append('\\').append(ch);
                default -> b.append(Character.isISOControl(ch) ? ' ' : ch);
            }
        }
        return HtmlText.escapeContent(b.toString());
    }

    /**
     * A code span outside tables (a path, a benchmark id): fenced by one backtick more than
     * the longest run inside, so no backtick in the text can close it; line breaks become
     * spaces. Inside a code span Markdown shows {@code <b>} and {@code *} as they are.
     */
    public static String code(String s) {
        StringBuilder flat = new StringBuilder(s.length());
        int longest = 0;
        int run = 0;
        for (char ch : s.toCharArray()) {
            flat.append(Character.isISOControl(ch) ? ' ' : ch);
            run = ch == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String text = flat.toString();
        boolean pad = text.startsWith("`") || text.endsWith("`");
        return pad ? fence + " " + text + " " + fence : fence + text + fence;
    }
}
