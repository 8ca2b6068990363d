package org.blockbench.train.recipe;

/**
 * PyTorch's {@code ReduceLROnPlateau} in mode "min" with its defaults (threshold 1e-4
 * relative, cooldown 0, min_lr 0, eps 1e-8): after more than {@code patience} epochs
 * whose metric did not beat the best by the threshold, the learning rate is multiplied by
 * {@code factor}. Its state is a value ({@link State}) so that checkpoints carry it.
 */
public final class PlateauScheduler {

    static final double THRESHOLD = 1e-4;
    static final double EPS = 1e-8;

    /**
     * @param best          best metric so far (+infinity before the first epoch)
     * @param badEpochs     epochs since the best
     * @param learningRate  the current learning rate
     */
    public record State(double best, int badEpochs, double learningRate) {
    }

    private final Schedule schedule;
    private State state;

    public PlateauScheduler(Schedule schedule, double initialLearningRate) {
        this(schedule, new State(Double.POSITIVE_INFINITY, 0, initialLearningRate));
    }

    public PlateauScheduler(Schedule schedule, State state) {
        this.schedule = schedule;
        this.state = state;
    }

    /** Feeds one epoch's validation loss; returns the learning rate for the next epoch. */
    public double step(double metric) {
        if (!schedule.plateau()) {
            return state.learningRate();
        }
        double best = state.best();
        int bad = state.badEpochs();
        double lr = state.learningRate();
        if (metric < best * (1 - THRESHOLD)) {
            best = metric;
            bad = 0;
        } else {
            bad++;
        }
        if (bad > schedule.patience()) {
            double reduced = lr * schedule.factor();
            if (lr - reduced > EPS) {
                lr = reduced;
            }
            bad = 0;
        }
        state = new State(best, bad, lr);
        return lr;
    }

    public State state() {
        return state;
    }
}
