package org.blockbench.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.blockbench.pack.RefusedPack;
import org.blockbench.text.OneLine;

/**
 * What an export wrote, and what it left out.
 *
 * @param manifest        the manifest written
 * @param models          the models exported now
 * @param files           the files written now (train, deploy and each variant per model)
 * @param seconds         the export's wall time
 * @param variantNotes    one line per variant with ops left in float32
 * @param refusedVariants one line per variant refused by its output check (not written)
 * @param refusedPacks    the packs ONNX Runtime refused, or whose outputs were not finite (not written)
 */
public record ExportResult(Manifest manifest, int models, int files, double seconds, List<String> variantNotes,
                           List<String> refusedVariants, List<RefusedPack> refusedPacks) {

    public ExportResult {
        variantNotes = List.copyOf(variantNotes);
        refusedVariants = List.copyOf(refusedVariants);
        refusedPacks = List.copyOf(refusedPacks);
    }

    /**
     * What the export says on stdout: the count and the manifest, the variants' notes (ops a
     * variant left in float32 are listed, never silently dropped), and the packs left out.
     */
    public List<String> summary(Path out) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("exported %d models (%d files) in %.1f s; manifest %s lists %d", models, files, seconds,
                out.resolve(Manifest.FILE_NAME), manifest.models().size()));
        variantNotes.forEach(note -> lines.add(OneLine.of(note)));
        if (!refusedPacks.isEmpty()) {
            lines.add(String.format("refused %d block pack(s), not exported: %s", refusedPacks.size(),
                    refusedPacks.stream().map(r -> r.directory().toString()).collect(Collectors.joining(", "))));
        }
        return lines;
    }

    /** Whether anything was left out: a refused pack or variant, the command's exit 1. */
    public boolean findings() {
        return !refusedPacks.isEmpty() || !refusedVariants.isEmpty();
    }
}
