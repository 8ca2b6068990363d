package org.blockbench.regress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.blockbench.io.AtomicFile;
import org.blockbench.onnx.OnnxModelFile;

/**
 * The {@code verdict-check models} service: writes the base {@link SlowdownModels} net, its
 * wider and deeper variants, and {@code models.md}, a table of each one's MACs and extra compute.
 */
public final class SlowdownModelSet {

    private SlowdownModelSet() {
    }

    /**
     * The variants to write, beside the base net.
     *
     * @param out           the directory written
     * @param extraChannels one wider variant ({@code wider-wW.onnx}) per count of extra channels, each positive
     * @param extraLayers   one deeper variant ({@code deeper-dD.onnx}) per count of extra convs, each positive
     */
    public record Request(Path out, List<Integer> extraChannels, List<Integer> extraLayers) {

        public Request {
            extraChannels = List.copyOf(extraChannels);
            extraLayers = List.copyOf(extraLayers);
        }
    }

    /**
     * The files written.
     *
     * @param models   the models, base first, then the wider and the deeper variants
     * @param table    {@code models.md}
     * @param markdown its text
     */
    public record Result(List<Path> models, Path table, String markdown) {

        public Result {
            models = List.copyOf(models);
        }
    }

    /** One model to write: extra channels in the widened conv, extra small convs. */
    private record Variant(String file, int channels, int layers) {
    }

    /** Writes the base net, every variant {@code request} asks for, and the table. */
    public static Result write(Request request) {
        List<Variant> variants = new ArrayList<>(List.of(new Variant("base.onnx", 0, 0)));
        request.extraChannels().forEach(w -> variants.add(new Variant("wider-w" + w + ".onnx", w, 0)));
        request.extraLayers().forEach(d -> variants.add(new Variant("deeper-d" + d + ".onnx", 0, d)));
        StringBuilder table = new StringBuilder("| file | extra channels | extra layers | MACs (batch 1) | extra compute |\n"
                + "|---|---:|---:|---:|---:|\n");
        List<Path> models = new ArrayList<>();
        for (Variant v : variants) {
            Path model = request.out().resolve(v.file());
            OnnxModelFile.write(model, SlowdownModels.build(v.channels(), v.layers()));
            models.add(model);
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %,d | %+.2f %% |%n", v.file(), v.channels(),
                    v.layers(), SlowdownModels.macs(v.channels(), v.layers()),
                    100 * SlowdownModels.extraComputeFraction(v.channels(), v.layers())));
        }
        Path file = request.out().resolve("models.md");
        AtomicFile.writeString(file, table.toString());
        return new Result(models, file, table.toString());
    }
}
