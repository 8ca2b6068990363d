package org.blockbench.bench.jmh;

import org.blockbench.zoo.Form;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.blockbench.BadInputException;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.export.ModelFile;
import org.blockbench.model.ModelRef;
import org.blockbench.onnx.OnnxModelFile;

/**
 * The models a sweep can pick from: the entries of an {@code onnx-models/manifest.json}
 * written by {@code blockbench export} (ids {@code Block/position}), or {@code .onnx} files a
 * user names directly or by directory; each entry's {@link ModelRef} names it. Entries keep the manifest's order, files are sorted
 * by path, so a catalog lists the same models in the same order on every machine.
 */
public final class ModelCatalog {

    /** The manifest's file name inside a models directory. */
    public static final String MANIFEST = Manifest.FILE_NAME;

    private final Map<ModelRef, ModelEntry> entries;

    private ModelCatalog(List<ModelEntry> entries) {
        Map<ModelRef, ModelEntry> byId = new LinkedHashMap<>();
        for (ModelEntry e : entries) {
            ModelEntry earlier = byId.putIfAbsent(e.ref(), e);
            if (earlier != null && !earlier.equals(e)) {
                throw new BadInputException("model " + e.id() + " is listed twice, in " + earlier.origin() + " and "
                        + e.origin() + "; benchmark one models directory at a time");
            }
        }
        this.entries = byId;
    }

    /** All entries, in catalog order. */
    public List<ModelEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry of this model; an unknown one fails listing the valid ones. */
    public ModelEntry get(ModelRef ref) {
        ModelEntry e = entries.get(ref);
        if (e == null) {
            throw BadInputException.unknown("model", ref.text(), entries.keySet().stream().map(ModelRef::text).toList());
        }
        return e;
    }

    /**
     * Opens each source: a directory with a manifest gives the manifest's models, a directory
     * without one gives every {@code .onnx} file under it, a file gives itself.
     */
    public static ModelCatalog open(List<Path> sources) {
        List<ModelEntry> all = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source) && Files.isRegularFile(source.resolve(MANIFEST))) {
                all.addAll(readManifest(source.resolve(MANIFEST)));
            } else if (Files.isDirectory(source)) {
                all.addAll(onnxFilesUnder(source));
            } else if (source.getFileName() != null && source.getFileName().toString().equals(MANIFEST)) {
                all.addAll(readManifest(source));
            } else if (!Files.exists(source) && !OnnxModelFile.isModelFileName(source.toString())) {
                throw new BadInputException(source + ": no such models directory or .onnx file"
                        + " (run `blockbench export` to create onnx-models/, or name .onnx files)");
            } else {
                // a missing or corrupt .onnx file is that config's failure, reported when it runs
                all.add(ModelEntry.ofFile(source));
            }
        }
        return new ModelCatalog(all);
    }

    /**
     * The manifest's models (read by {@link Manifest#read}, the exporter's own reader), with file
     * paths resolved against the manifest's directory.
     */
    public static List<ModelEntry> readManifest(Path manifest) {
        Path dir = manifest.toAbsolutePath().getParent();
        List<ModelEntry> entries = new ArrayList<>();
        for (ManifestEntry m : Manifest.read(manifest).models()) {
            if (m.block() == null || m.position() == null) {
                throw new BadInputException(manifest + ": a model entry lacks block or position");
            }
            Map<Form, Path> files = new EnumMap<>(Form.class);
            put(files, Form.TRAIN, m.train(), dir);
            put(files, Form.DEPLOY, m.deploy(), dir);
            for (Form v : Form.variants()) {
                m.variant(v.id()).ifPresent(f -> put(files, v, f.file(), dir));
            }
            ModelRef ref = ModelRef.of(m.block(), m.position());
            // a block pack's stage is the user's code: only the zoo's own graphs skip the child-JVM pre-check
            Map<Form, String> exported = new EnumMap<>(Form.class);
            if (ref instanceof ModelRef.ZooModel) {
                putSha(exported, Form.TRAIN, m.train());
                putSha(exported, Form.DEPLOY, m.deploy());
                for (Form v : Form.variants()) {
                    m.variant(v.id()).ifPresent(f -> putSha(exported, v, f.file()));
                }
            }
            entries.add(new ModelEntry(ref, files, dir, exported));
        }
        return entries;
    }

    private static void put(Map<Form, Path> files, Form form, ModelFile file, Path dir) {
        if (file != null && file.path() != null) {
            files.put(form, dir.resolve(file.path()).normalize());
        }
    }

    private static void putSha(Map<Form, String> shas, Form form, ModelFile file) {
        if (file != null && file.sha256() != null) {
            shas.put(form, file.sha256());
        }
    }

    private static List<ModelEntry> onnxFilesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> OnnxModelFile.isModelFileName(p.getFileName().toString()) && Files.isRegularFile(p))
                    .sorted().map(ModelEntry::ofFile).toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list models (" + e.getMessage() + ")", e);
        }
    }
}
