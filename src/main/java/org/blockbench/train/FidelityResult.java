package org.blockbench.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blockbench.stats.RankCorrelation;
import org.blockbench.stats.Stats;

/**
 * How well the quick protocol ranks models as a longer, wider one does
 * ({@code blockbench fidelity}, docs/accuracy.md), written as {@value #FILE_NAME}: each model's
 * validation accuracy under both protocols (mean and sample std over seeds), Spearman's ρ
 * between the two rankings of the means, and per protocol the seed-to-seed std set against the
 * spread between models. Accuracies are fractions in [0, 1]. The leaderboard states ρ next to
 * quick-protocol accuracies; this record is the schema its writer and that reader share.
 *
 * @param format         {@value #FORMAT}
 * @param quick          the quick protocol, as {@link TrainingProtocol#describe(String)} on the dataset
 * @param longer         the longer protocol, likewise
 * @param dataset        the dataset's source line
 * @param seeds          the seeds each model was trained with under each protocol
 * @param models         per model, in the order given
 * @param spearmanRho    Spearman ρ between the models' mean accuracies under the two protocols (ties mid-ranked)
 * @param quickSpread    the quick protocol's seed and model spread
 * @param longSpread     the longer protocol's
 * @param finishedAt     when the result was written (ISO-8601)
 */
public record FidelityResult(String format, String quick, String longer, String dataset, List<Long> seeds,
                             List<ModelAccuracy> models, double spearmanRho, Spread quickSpread, Spread longSpread,
                             String finishedAt) {

    public static final String FORMAT = "blockbench-fidelity/1";
    public static final String FILE_NAME = "fidelity.json";

    /**
     * @param id        "Block/position"
     * @param quick     the quick protocol's accuracies, one per seed in {@link #seeds()} order
     * @param longer    the longer protocol's
     * @param quickMean mean of {@code quick}
     * @param quickStd  sample std of {@code quick}
     * @param longMean  mean of {@code longer}
     * @param longStd   sample std of {@code longer}
     */
    public record ModelAccuracy(String id, List<Double> quick, List<Double> longer, double quickMean, double quickStd,
                                double longMean, double longStd) {
    }

    /**
     * @param seedStd       pooled seed-to-seed std: √(mean over models of each model's sample variance over seeds)
     * @param betweenStd    sample std of the models' mean accuracies
     * @param range         largest minus smallest model mean
     * @param ratio         betweenStd / seedStd: above 1, the models differ by more than a seed changes them
     */
    public record Spread(double seedStd, double betweenStd, double range, double ratio) {
    }

    /** The result of {@code accuracies} on the synthetic dataset, whose source line is {@code dataset}. */
    public static FidelityResult of(TrainingProtocol quick, TrainingProtocol longer, String dataset, List<Long> seeds,
                                    Map<String, List<Double>> quickAccuracies, Map<String, List<Double>> longAccuracies) {
        return of(quick, longer, org.blockbench.data.SyntheticDataset.NAME, dataset, seeds, quickAccuracies,
                longAccuracies);
    }

    /**
     * The result of {@code accuracies}: per model id, the quick and longer accuracies (seed order),
     * on the dataset called {@code datasetName} whose source line is {@code source}.
     */
    public static FidelityResult of(TrainingProtocol quick, TrainingProtocol longer, String datasetName, String source,
                                    List<Long> seeds, Map<String, List<Double>> quickAccuracies,
                                    Map<String, List<Double>> longAccuracies) {
        List<ModelAccuracy> models = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : quickAccuracies.entrySet()) {
            Stats q = Stats.of(e.getValue());
            Stats l = Stats.of(longAccuracies.get(e.getKey()));
            models.add(new ModelAccuracy(e.getKey(), List.copyOf(e.getValue()), List.copyOf(longAccuracies.get(e.getKey())),
                    q.mean(), q.sampleStandardDeviation(), l.mean(), l.sampleStandardDeviation()));
        }
        double[] qm = models.stream().mapToDouble(ModelAccuracy::quickMean).toArray();
        double[] lm = models.stream().mapToDouble(ModelAccuracy::longMean).toArray();
        double rho = models.size() >= 2 ? RankCorrelation.spearman(qm, lm) : Double.NaN;
        return new FidelityResult(FORMAT, quick.describe(datasetName), longer.describe(datasetName), source, List.copyOf(seeds),
                models, rho,
                spread(qm, models.stream().mapToDouble(ModelAccuracy::quickStd).toArray()),
                spread(lm, models.stream().mapToDouble(ModelAccuracy::longStd).toArray()),
                java.time.Instant.now().toString());
    }

    static Spread spread(double[] means, double[] seedStds) {
        double variance = 0;
        int n = 0;
        for (double s : seedStds) {
            if (Double.isFinite(s)) {
                variance += s * s;
                n++;
            }
        }
        double seedStd = n == 0 ? Double.NaN : Math.sqrt(variance / n);
        Stats m = Stats.of(means);
        return new Spread(seedStd, m.sampleStandardDeviation(), m.max() - m.min(), m.sampleStandardDeviation() / seedStd);
    }

    public void write(Path file) {
        TrainJson.write(file, this);
    }

    /**
     * The fidelity of {@link TrainingProtocol#QUICK} on {@code dataset} measured for this version
     * with {@code blockbench fidelity} and bundled with it (docs/accuracy.md): the figure the board
     * states when no fidelity.json was measured beside its training runs. Empty when none was
     * measured on that dataset, or when the protocols it measured are no longer QUICK and LONG.
     */
    public static Optional<FidelityResult> reference(String dataset) {
        if (!dataset.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        try (java.io.InputStream in = FidelityResult.class.getResourceAsStream("fidelity/" + dataset + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            FidelityResult r = TrainJson.MAPPER.readValue(in, FidelityResult.class);
            return Optional.of(r).filter(f -> FORMAT.equals(f.format()) && f.quick().equals(TrainingProtocol.QUICK.describe(dataset))
                    && f.longer().equals(TrainingProtocol.LONG.describe(dataset)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the bundled fidelity of " + dataset + " does not read", e);
        }
    }

    /** The result in {@code file}, empty when there is no such file. */
    public static Optional<FidelityResult> read(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return Optional.empty();
        }
        FidelityResult r = TrainJson.read(file, FidelityResult.class);
        if (!FORMAT.equals(r.format())) {
            throw new org.blockbench.BadInputException(file + ": format '" + org.blockbench.text.OneLine.of(String.valueOf(r.format()))
                    + "', expected '" + FORMAT + "'");
        }
        return Optional.of(r);
    }
}
