package org.blockbench;

/**
 * Input a user gave that BlockBench cannot use: an unknown name, a malformed file, an
 * option out of range. The message alone tells the user what was expected, what was found
 * and the valid choices; the CLI prints it as one line (no stack trace) and exits with
 * code 2.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The choice whose {@code name} equals {@code given} (surrounding whitespace and case ignored):
     * the one lookup of a command-line name; an unknown name is {@link #unknown} listing every
     * choice's name.
     */
    public static <T> T byName(String kind, String given, T[] choices, java.util.function.Function<T, String> name) {
        String key = given.strip().toLowerCase(java.util.Locale.ROOT);
        for (T c : choices) {
            if (name.apply(c).equals(key)) {
                return c;
            }
        }
        throw unknown(kind, given, java.util.Arrays.stream(choices).map(name).toList());
    }

    /** "unknown KIND 'x', expected one of [a, b]": the one form every lookup failure takes. */
    public static BadInputException unknown(String kind, String given, java.util.Collection<String> valid) {
        return new BadInputException("unknown " + kind + " '" + given + "', expected one of " + valid);
    }
}
