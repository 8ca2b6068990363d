package org.blockbench.host;

import java.time.Duration;
import java.util.regex.Pattern;
import org.blockbench.text.OneLine;

/**
 * The source revision a result was produced from: the git checkout of the working directory.
 * The one reader of it for every record that carries a revision (a sweep's environment, a
 * training run's provenance), with one convention for what is not known: the revision reads
 * {@code "unknown (why)"}, and such a checkout is never dirty.
 *
 * @param revision {@code git rev-parse HEAD} (the commit id, 40 hex digits), or {@code "unknown (why)"}
 * @param dirty    whether tracked files differ from that revision (false when it is unknown)
 */
public record GitCheckout(String revision, boolean dirty) {

    /** What every unknown revision starts with. */
    public static final String UNKNOWN = "unknown";

    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** A commit id: SHA-1, or SHA-256 in a repository that uses it. */
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    /** Asks git about the working directory (two short commands, each at most 10 s). */
    public static GitCheckout capture() {
        String revision = currentRevision();
        if (!known(revision)) {
            return new GitCheckout(revision, false);
        }
        BoundedProcess.Result status = git("status", "--porcelain", "--untracked-files=no");
        return new GitCheckout(revision, status.succeeded() && !status.output().isEmpty());
    }

    /** The revision of the working directory alone, as {@link #capture()} reads it (one short command). */
    public static String currentRevision() {
        return revisionOf(git("rev-parse", "HEAD"));
    }

    /** Whether {@code revision} names a commit rather than saying why it is unknown. */
    public static boolean known(String revision) {
        return !revision.startsWith(UNKNOWN);
    }

    /** The revision {@code git rev-parse HEAD} answered, or why it is unknown. */
    static String revisionOf(BoundedProcess.Result head) {
        return switch (head.status()) {
            case NOT_STARTED -> UNKNOWN + " (git not found)";
            case TIMED_OUT -> UNKNOWN + " (git did not answer)";
            case INTERRUPTED -> UNKNOWN + " (interrupted)";
            case EXITED -> head.exitCode() != 0 ? UNKNOWN + " (not a git checkout: " + OneLine.firstLine(head.output()) + ")"
                    : COMMIT.matcher(head.output()).matches() ? head.output()
                    : UNKNOWN + " (git answered '" + OneLine.firstLine(head.output()) + "')";
        };
    }

    private static BoundedProcess.Result git(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "git";
        System.arraycopy(args, 0, argv, 1, args.length);
        return BoundedProcess.captured(argv).run(LIMIT);
    }
}
