package org.blockbench.fuzz;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.blockbench.report.ReportFixtures;

/**
 * Makes case {@code index} of a campaign and writes its files. A case depends only on the
 * campaign seed, its index and the target list, never on earlier cases, so any case can be
 * regenerated alone (replay) and a driver restarted after a crash continues with the same cases.
 *
 * <p>Layout under the driver's root: the {@link Canary} files, each case in
 * {@code d1/d2/d3/<id>/}, so that {@code ../../../../canary.fifo} from a model's directory is
 * a canary; {@code weights.bin} and {@code weights.data} in the case directory are symbolic
 * links to the two canaries. The driver's working directory ({@link #CWD}) has the same depth and
 * links, for loaders that resolve external data against it.
 */
final class CaseFactory {

    static final String SYMLINK_TO_FIFO = "weights.bin";
    static final String SYMLINK_TO_FILE = "weights.data";
    /** The driver's working directory, relative to its root: as deep as a case directory. */
    static final String CWD = "d1/d2/d3/cwd";
    static final List<String> JMH_SEEDS = List.of("base-avgt.json", "new-avgt.json", "base-sample.json", "base-thrpt.json",
            "jmh-1.37-real.json");

    private final Path root;
    private final long seed;
    private final List<Target> targets;
    private Path fixture;

    CaseFactory(Path root, long seed, List<Target> targets) {
        this.root = root.toAbsolutePath();
        this.seed = seed;
        this.targets = List.copyOf(targets);
    }

    /** Links {@code weights.bin} and {@code weights.data} in {@code dir} to the two canaries. */
    void links(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(SYMLINK_TO_FIFO));
        Files.deleteIfExists(dir.resolve(SYMLINK_TO_FILE));
        Files.createSymbolicLink(dir.resolve(SYMLINK_TO_FIFO), root.resolve(Canary.FIFO));
        Files.createSymbolicLink(dir.resolve(SYMLINK_TO_FILE), root.resolve(Canary.FILE));
    }

    /** The directory holding the canaries: four levels above every model's directory. */
    Path root() {
        return root;
    }

    static Target targetOf(int index, List<Target> targets) {
        return targets.get(index % targets.size());
    }

    static String idOf(int index, List<Target> targets) {
        return String.format("%s-%06d", targetOf(index, targets).label(), index);
    }

    Path caseDir(int index) {
        return root.resolve("d1/d2/d3").resolve(idOf(index, targets));
    }

    /** Generates case {@code index} and writes its files into a fresh case directory. */
    FuzzCase make(int index) {
        Target target = targetOf(index, targets);
        String id = idOf(index, targets);
        // a separate stream per case: golden-ratio spacing keeps neighbouring indices unrelated
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
        Path dir = caseDir(index);
        FuzzFiles.deleteTree(dir);
        try {
            Files.createDirectories(dir);
            return target.modelInput() ? modelCase(index, id, target, dir, r) : jmhCase(index, id, target, dir, r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write case " + id, e);
        }
    }

    /**
     * The unmutated control case of {@code target}: run once per driver before the timed cases,
     * so that start-up costs (LibTorch, ONNX Runtime, class loading) do not count as a hang, and
     * to prove the harness drives the target correctly (it must exit 0).
     */
    FuzzCase control(Target target) {
        Path dir = root.resolve("d1/d2/d3/control-" + target.label());
        FuzzFiles.deleteTree(dir);
        try {
            Files.createDirectories(dir);
            if (target.modelInput()) {
                Path input = dir.resolve("model.onnx");
                Files.write(input, SeedGraphs.all().get("torch:reshape-head").toByteArray());
                List<String> args = target == Target.ANALYZE
                        ? List.of("analyze", "--json", "--data", "--samples", "1", input.toString()) : List.of(input.toString());
                return new FuzzCase(-1, "control-" + target.label(), target, "torch:reshape-head", List.of(), null,
                        "control", args, dir, input, target == Target.ANALYZE);
            }
            if (target == Target.COMPARE) {
                Path base = dir.resolve("base.json");
                Files.write(base, resource("/regress/base-avgt.json"));
                return new FuzzCase(-1, "control-compare", target, "regress/base-avgt.json", List.of(), null, "control",
                        List.of("compare", base.toString(), base.toString(), "--out", dir.resolve("out").toString()), dir, base,
                        false);
            }
            Path tree = fixture();
            return new FuzzCase(-1, "control-leaderboard", target, "ReportFixtures", List.of(), null, "control",
                    List.of("leaderboard", "--model-dir", tree.resolve("onnx-models").toString(), "--jmh-results",
                            tree.resolve("jmh-results").toString(), "--training", tree.resolve("training-results").toString(),
                            "-o", dir.resolve("out").toString()), dir, tree.resolve("jmh-results/sweep/run.json"), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the control case of " + target.label(), e);
        }
    }

    private FuzzCase modelCase(int index, String id, Target target, Path dir, SplittableRandom r) throws IOException {
        List<String> names = SeedGraphs.names();
        String seedName = names.get(r.nextInt(names.size()));
        ModelProto model = SeedGraphs.all().get(seedName);
        List<String> log = new ArrayList<>();
        int mode = r.nextInt(10);
        boolean escapes = false;
        byte[] bytes;
        if (mode < 8) {
            GraphMutator.Escapes e = new GraphMutator.Escapes(List.of("../../../../" + Canary.FIFO, "../../../../" + Canary.FILE,
                    root.resolve(Canary.FIFO).toString(), root.resolve(Canary.FILE).toString(), SYMLINK_TO_FIFO, SYMLINK_TO_FILE));
            GraphMutator.Mutated m = GraphMutator.mutate(model, e, r, log);
            model = m.model();
            escapes = m.escapes();
        }
        bytes = model.toByteArray();
        if (mode >= 5) {
            ModelProto donor = SeedGraphs.all().get(names.get(r.nextInt(names.size())));
            bytes = ByteMutator.mutate(bytes, donor.toByteArray(), r, log);
            escapes = false; // the bytes may no longer say where the data is
        }
        Path input = dir.resolve("model.onnx");
        Files.write(input, bytes);
        links(dir);
        String refuse = escapes ? "external data outside the model's directory" : null;
        return switch (target) {
            case ANALYZE -> {
                boolean data = r.nextBoolean();
                List<String> args = data ? List.of("analyze", "--json", "--data", "--samples", "1", input.toString())
                        : List.of("analyze", "--json", input.toString());
                // a static analysis need not read tensor data; only --data (ONNX Runtime loads the weights) must refuse
                yield new FuzzCase(index, id, target, seedName, log, data ? refuse : null, "blockbench " + String.join(" ", args),
                        args, dir, input, data);
            }
            case PREFLIGHT -> new FuzzCase(index, id, target, seedName, log, refuse,
                    "bench pre-check: Preflight.check(" + input + ", deploy, batch 1, cpu, 1 thread, opt all)",
                    List.of(input.toString()), dir, input, false);
            case TRAIN_LOAD -> new FuzzCase(index, id, target, seedName, log, refuse,
                    "train --onnx " + input + " up to the first epoch: ModelSource.OnnxFile.read + TorchGraph.compile",
                    List.of(input.toString()), dir, input, false);
            default -> throw new IllegalStateException(target + " takes no model");
        };
    }

    private FuzzCase jmhCase(int index, String id, Target target, Path dir, SplittableRandom r) throws IOException {
        List<String> log = new ArrayList<>();
        if (target == Target.COMPARE) {
            String seedName = JMH_SEEDS.get(r.nextInt(JMH_SEEDS.size()));
            byte[] original = resource("/regress/" + seedName);
            Path base = dir.resolve("base.json");
            Files.write(base, original);
            JmhJsonMutator.Mutated m = mutateJson(original, r, log);
            Path input = dir.resolve("new.json");
            Files.write(input, m.bytes());
            List<String> args = List.of("compare", base.toString(), input.toString(), "--out", dir.resolve("out").toString());
            return new FuzzCase(index, id, target, "regress/" + seedName, log, m.invalid(),
                    "blockbench " + String.join(" ", args), args, dir, input, false);
        }
        Path tree = fixture();
        byte[] original = Files.readAllBytes(tree.resolve("jmh-results/sweep/run.json"));
        JmhJsonMutator.Mutated m = mutateJson(original, r, log);
        Path input = dir.resolve("jmh-results/sweep/run.json");
        Files.createDirectories(input.getParent());
        Files.write(input, m.bytes());
        List<String> args = List.of("leaderboard", "--model-dir", tree.resolve("onnx-models").toString(), "--jmh-results",
                dir.resolve("jmh-results").toString(), "--training", tree.resolve("training-results").toString(), "-o",
                dir.resolve("out").toString());
        // leaderboard: the general rules and the CSV rule; whether it refuses or skips a bad file is its choice
        return new FuzzCase(index, id, target, "ReportFixtures jmh-results/sweep/run.json", log, null,
                "blockbench " + String.join(" ", args), args, dir, input, false);
    }

    private static JmhJsonMutator.Mutated mutateJson(byte[] original, SplittableRandom r, List<String> log) {
        int mode = r.nextInt(10);
        if (mode < 7) {
            JmhJsonMutator.Mutated m = JmhJsonMutator.mutate(original, r, log);
            if (mode < 5) {
                return m;
            }
            // a byte mutation after a structured one: validity unknown
            return new JmhJsonMutator.Mutated(ByteMutator.mutate(m.bytes(), original, r, log), null);
        }
        return new JmhJsonMutator.Mutated(ByteMutator.mutate(original, original, r, log), null);
    }

    /** The leaderboard's fixture tree (manifest, analysis, training runs), written once per driver. */
    private Path fixture() throws IOException {
        if (fixture == null) {
            Path t = root.resolve("leaderboard-fixture");
            FuzzFiles.deleteTree(t);
            ReportFixtures.write(t);
            fixture = t;
        }
        return fixture;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CaseFactory.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource " + name + " not on the classpath");
            }
            return in.readAllBytes();
        }
    }
}
