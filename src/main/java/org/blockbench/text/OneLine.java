package org.blockbench.text;

/**
 * Text for one line of a terminal or log, whatever a name in it holds: CR, LF and tab are
 * written as {@code \r}, {@code \n}, {@code \t}; any other control character (and the
 * Unicode line and paragraph separators) as {@code \}{@code uXXXX}. Every message a user
 * reads on stderr goes through it, so a model called {@code "a\nb.onnx"} cannot forge a
 * second line.
 */
public final class OneLine {

    private OneLine() {
    }

    /** {@code text} on one line. */
    public static String of(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * The first non-blank line of {@code message}, stripped; empty for null or blank. A parser's
     * or a native library's message says what went wrong there; later lines are context or a
     * backtrace.
     */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
