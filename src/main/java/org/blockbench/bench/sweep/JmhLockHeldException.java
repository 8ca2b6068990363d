package org.blockbench.bench.sweep;

import org.blockbench.BadInputException;

/** Another JMH run holds JMH's machine-wide lock; the sweep stops rather than measure next to it. */
public final class JmhLockHeldException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public JmhLockHeldException() {
        super("another JMH run holds JMH's lock (" + System.getProperty("java.io.tmpdir") + "/jmh.lock), so results would be disturbed;"
                + " wait for it to finish, or pass --ignore-jmh-lock");
    }
}
