package org.blockbench.bench;

import org.blockbench.bench.jmh.ModelCatalog;
import org.blockbench.bench.jmh.ModelEntry;
import org.blockbench.model.ModelRef;
import org.blockbench.zoo.Form;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.blockbench.BadInputException;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;

/**
 * What a sweep covers: filters on the catalog (blocks, positions, model ids; empty = all) and the values
 * of every other benchmark parameter. The plan is the cross product, sorted by config key so
 * that every machine (and every shard) derives the same order from the same inputs.
 */
public record SweepSelection(List<String> blocks, List<String> positions, List<Form> forms, List<Integer> batches,
                             List<Provider> providers, List<Integer> intraOpThreads, List<OptimizationLevel> optLevels,
                             List<ModelRef> models) {

    public SweepSelection {
        blocks = List.copyOf(blocks);
        models = List.copyOf(models);
        positions = List.copyOf(positions);
        forms = nonEmpty("forms", forms);
        batches = nonEmpty("batches", batches);
        providers = nonEmpty("providers", providers);
        intraOpThreads = nonEmpty("threads", intraOpThreads);
        optLevels = nonEmpty("optimisation levels", optLevels);
        for (int b : batches) {
            if (b < 1) {
                throw new BadInputException("batch sizes must be >= 1, found " + b);
            }
        }
        for (int t : intraOpThreads) {
            if (t < 0) {
                throw new BadInputException("thread counts must be >= 0 (0 = ONNX Runtime default), found " + t);
            }
        }
    }

    /** A selection by blocks and positions alone (every model of theirs). */
    public SweepSelection(List<String> blocks, List<String> positions, List<Form> forms, List<Integer> batches,
                          List<Provider> providers, List<Integer> intraOpThreads, List<OptimizationLevel> optLevels) {
        this(blocks, positions, forms, batches, providers, intraOpThreads, optLevels, List.of());
    }

    private static <T> List<T> nonEmpty(String what, List<T> values) {
        if (values.isEmpty()) {
            throw new BadInputException("no " + what + " given; give at least one");
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** The planned configs with their models, sorted by {@link BenchConfig#key()}. */
    public List<PlannedConfig> plan(ModelCatalog catalog) {
        List<ModelEntry> models = select(catalog.entries());
        List<PlannedConfig> plan = new ArrayList<>();
        for (ModelEntry model : models) {
            for (Form form : forms) {
                if (!model.fromManifest() && form != Form.DEPLOY) {
                    continue; // a user's file is measured as given, recorded as its deploy form
                }
                for (int batch : batches) {
                    for (Provider provider : providers) {
                        for (int threads : intraOpThreads) {
                            for (OptimizationLevel level : optLevels) {
                                plan.add(new PlannedConfig(new BenchConfig(model.id(), form, batch, provider, threads, level), model));
                            }
                        }
                    }
                }
            }
        }
        plan.sort(Comparator.comparing(p -> p.config().key()));
        return List.copyOf(plan);
    }

    private List<ModelEntry> select(List<ModelEntry> entries) {
        Set<String> knownBlocks = new LinkedHashSet<>();
        Set<String> knownPositions = new LinkedHashSet<>();
        entries.stream().filter(ModelEntry::fromManifest).forEach(e -> {
            knownBlocks.add(e.block());
            knownPositions.add(e.position());
        });
        for (String b : blocks) {
            if (!knownBlocks.contains(b)) {
                throw BadInputException.unknown("block", b, knownBlocks);
            }
        }
        for (String p : positions) {
            if (!knownPositions.contains(p)) {
                throw BadInputException.unknown("position", p, knownPositions);
            }
        }
        Set<ModelRef> known = new LinkedHashSet<>();
        entries.stream().filter(ModelEntry::fromManifest).forEach(e -> known.add(e.ref()));
        for (ModelRef m : models) {
            if (!known.contains(m)) {
                throw BadInputException.unknown("model", m.text(), known.stream().map(ModelRef::text).toList());
            }
        }
        List<ModelEntry> selected = entries.stream()
                .filter(e -> !e.fromManifest() || models.isEmpty() || models.contains(e.ref()))
                .filter(e -> !e.fromManifest() || blocks.isEmpty() || blocks.contains(e.block()))
                .filter(e -> !e.fromManifest() || positions.isEmpty() || positions.contains(e.position()))
                .toList();
        if (selected.isEmpty()) {
            throw new BadInputException("the selection matches no model (blocks " + blocks + ", positions " + positions
                    + "); available blocks: " + knownBlocks + ", positions: " + knownPositions);
        }
        return selected;
    }

    /** A config and the model entry it measures. */
    public record PlannedConfig(BenchConfig config, ModelEntry model) {
    }
}
