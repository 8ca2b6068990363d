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

    /** "unknown KIND 'x', expected one of [a, b]": the one form every lookup failure takes. */
    public static BadInputException unknown(String kind, String given, java.util.Collection<String> valid) {
        return new BadInputException("unknown " + kind + " '" + given + "', expected one of " + valid);
    }
}
