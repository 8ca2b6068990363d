package org.blockbench.report;

import java.util.Locale;

/**
 * Which benchmark config gives a leaderboard its latency column; a null field matches any
 * value. Defaults: deploy form, batch 1, CPU, one intra-op thread, all graph optimisations.
 *
 * @param form     train or deploy
 * @param batch    batch size
 * @param provider execution provider
 * @param threads  intra-op threads
 * @param optLevel graph optimisation level
 */
public record LatencySelection(String form, Integer batch, String provider, Integer threads, String optLevel) {

    public static LatencySelection defaults() {
        return new LatencySelection("deploy", 1, "cpu", 1, "all");
    }

    /** Whether a result was measured with this config. */
    public boolean matches(LatencyResult r) {
        return (form == null || form.equalsIgnoreCase(r.form()))
                && (batch == null || batch == r.batch())
                && (provider == null || provider.equalsIgnoreCase(r.provider()))
                && (threads == null || threads == r.threads())
                && (optLevel == null || optLevel.equalsIgnoreCase(r.optLevel()));
    }

    /** Whether a config given as JMH param texts (form, batch, provider, intraOpThreads, optLevel) is this one. */
    public boolean matches(String form, String batch, String provider, String threads, String optLevel) {
        return (this.form == null || this.form.equalsIgnoreCase(form))
                && (this.batch == null || this.batch.toString().equals(batch.strip()))
                && (this.provider == null || this.provider.equalsIgnoreCase(provider))
                && (this.threads == null || this.threads.toString().equals(threads.strip()))
                && (this.optLevel == null || this.optLevel.equalsIgnoreCase(optLevel));
    }

    /** "deploy, batch 1, cpu, 1 thread, opt all" for captions. */
    public String describe() {
        return String.format(Locale.ROOT, "form %s, batch %s, provider %s, intra-op threads %s, opt level %s",
                any(form), any(batch), any(provider), any(threads), any(optLevel));
    }

    private static String any(Object o) {
        return o == null ? "any" : o.toString();
    }
}
