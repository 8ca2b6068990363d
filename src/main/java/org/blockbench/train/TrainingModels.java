package org.blockbench.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.export.Manifest;
import org.blockbench.pack.BlockPack;
import org.blockbench.pack.BlockPackReader;
import org.blockbench.zoo.build.BlockRegistry;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.build.ZooSelection;

/**
 * The exported models a training sweep trains: those of the manifest a selection or ids name,
 * block packs' models rebuilt from their packs, each at the scaffold size asked for (packs and
 * GWO networks keep their own, {@link ModelSource.ZooModel#withSize}).
 */
public final class TrainingModels {

    private TrainingModels() {
    }

    /**
     * The models of {@code manifestFile} that {@code selection} (when it narrows the zoo) and
     * {@code named} give, in that order and each once; the packs in {@code packDirs} are read
     * (and checked) first, and their models are selected as the zoo's are: by the selection, by
     * name, or, when neither names any model, all of them at the selected positions.
     */
    public static List<ModelSource> select(Path manifestFile, ZooSelection selection, List<ModelId> named, List<Path> packDirs,
            int baseChannels, int blocksPerStage) {
        boolean selected = selection.narrowed();
        if (!selected && named.isEmpty() && packDirs.isEmpty()) {
            return List.of();
        }
        Manifest m = Manifest.read(manifestFile);
        Map<String, BlockPack> packs = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>(BlockRegistry.names());
        for (Path dir : packDirs) {
            BlockPack pack = BlockPackReader.read(dir, m.inputSize(), taken);
            packs.put(pack.name(), pack);
            taken.add(pack.name());
        }
        List<ModelId> ids = new ArrayList<>(selected ? selection.models(packs.keySet()) : List.of());
        if (selected || named.isEmpty()) {
            ids.addAll(selection.packModels(packs.keySet()));
        }
        ids.addAll(named);
        List<ModelSource> models = new ArrayList<>();
        for (ModelId id : ids.stream().distinct().toList()) {
            BlockPack pack = packs.get(id.block());
            models.add((pack != null
                    ? ModelSource.ZooModel.of(manifestFile, m, pack, Position.parse(id.position()))
                    : ModelSource.ZooModel.of(manifestFile, m, id.block(), id.position())).withSize(baseChannels, blocksPerStage));
        }
        return models;
    }
}
