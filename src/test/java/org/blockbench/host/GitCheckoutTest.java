package org.blockbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every way git can answer maps to a commit or to "unknown (why)", and an unknown checkout is never dirty. */
class GitCheckoutTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void eachAnswerOfGitBecomesACommitOrAReason() {
        assertEquals(SHA, GitCheckout.revisionOf(new BoundedProcess.Result(BoundedProcess.Status.EXITED, 0, SHA)));
        assertEquals("unknown (not a git checkout: fatal: not a git repository)", GitCheckout.revisionOf(
                new BoundedProcess.Result(BoundedProcess.Status.EXITED, 128, "fatal: not a git repository\nStopping at filesystem boundary")));
        assertEquals("unknown (git answered 'HEAD')",
                GitCheckout.revisionOf(new BoundedProcess.Result(BoundedProcess.Status.EXITED, 0, "HEAD")));
        assertEquals("unknown (git not found)",
                GitCheckout.revisionOf(new BoundedProcess.Result(BoundedProcess.Status.NOT_STARTED, -1, "No such file")));
        assertEquals("unknown (git did not answer)",
                GitCheckout.revisionOf(new BoundedProcess.Result(BoundedProcess.Status.TIMED_OUT, -1, "")));
        assertEquals("unknown (interrupted)",
                GitCheckout.revisionOf(new BoundedProcess.Result(BoundedProcess.Status.INTERRUPTED, -1, "")));
        assertTrue(GitCheckout.known(SHA));
        assertFalse(GitCheckout.known("unknown (git not found)"));
    }

    @Test
    void theWorkingDirectoryHasOneOfTheTwoForms() {
        GitCheckout here = GitCheckout.capture();
        assertTrue(here.revision().matches("[0-9a-f]{40}([0-9a-f]{24})?") || here.revision().startsWith("unknown ("), here.revision());
        assertTrue(GitCheckout.known(here.revision()) || !here.dirty(), "an unknown checkout is never dirty");
    }
}
