package org.blockbench.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The notice for an option spelled as before the names were unified ({@code --output} for
 * {@code --out}, {@code --models DIR} for {@code --model-dir DIR}): old spellings keep working for
 * one release, and each use says so in one line on stderr, naming the new spelling.
 */
final class OldSpelling {

    private OldSpelling() {
    }

    /**
     * {@code oldValue} with the notice when the old spelling was given, else {@code value}. The old
     * spelling is an option of its own: picocli gives an option not on the command line its default
     * after parsing, so the old one cannot set the new one's field.
     */
    static <T> T pick(CommandSpec spec, String old, T oldValue, String now, T value) {
        if (oldValue == null) {
            return value;
        }
        notice(spec, old, now);
        return oldValue;
    }

    /** Prints "blockbench: OLD is deprecated ...; use NOW" on {@code spec}'s stderr. */
    static void notice(CommandSpec spec, String old, String now) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("blockbench: " + old + " is deprecated and goes in the next release; use " + now);
        err.flush();
    }
}
