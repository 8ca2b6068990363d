package org.blockbench.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down procedure (Holm 1979): family-wise error control over {@code m} tests at
 * {@code alpha}, uniformly more powerful than Bonferroni. The p-values are taken smallest first;
 * the {@code i}-th (1-based) is rejected at level {@code alpha / (m − i + 1)} as long as every
 * smaller one was; the first that is not, and every larger one, are kept.
 *
 * <p>The result is a level per test rather than a yes/no, so that an interval drawn at
 * {@code 1 − level} agrees with the decision: a rejected test's level is its own step's, a kept
 * test's level is that of the first kept step. Its p-value is then above its level (it is at least
 * the first kept p-value, which exceeded that level), so its interval contains the null, while a
 * rejected test's interval excludes it.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * Per test, the level it is judged at: rejected exactly when {@code p <= level}.
     * NaN p-values count as 1 (not rejected).
     *
     * @throws IllegalArgumentException when alpha is not in (0, 1)
     */
    public static double[] levels(double[] pValues, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), found " + alpha);
        }
        int m = pValues.length;
        double[] p = Arrays.stream(pValues).map(x -> Double.isNaN(x) ? 1 : x).toArray();
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble((Integer i) -> p[i]).thenComparing(i -> i))
                .toArray(Integer[]::new);
        double[] level = new double[m];
        double keptLevel = Double.NaN;
        for (int step = 0; step < m; step++) {
            int test = order[step];
            if (Double.isNaN(keptLevel)) {
                double stepLevel = alpha / (m - step);
                if (p[test] <= stepLevel) {
                    level[test] = stepLevel;
                    continue;
                }
                keptLevel = stepLevel;
            }
            level[test] = keptLevel;
        }
        return level;
    }

    /** Whether each test is rejected at family-wise level {@code alpha}. */
    public static boolean[] rejected(double[] pValues, double alpha) {
        double[] level = levels(pValues, alpha);
        boolean[] out = new boolean[pValues.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = !Double.isNaN(pValues[i]) && pValues[i] <= level[i];
        }
        return out;
    }
}
