package org.blockbench.fuzz;

/**
 * A broken rule in one case.
 *
 * @param rule   the rule's short name, e.g. {@link Oracle#EXIT_CODE}
 * @param detail what was found, one line
 */
public record Violation(String rule, String detail) {

    @Override
    public String toString() {
        return rule + ": " + detail;
    }
}
