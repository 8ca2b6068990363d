package org.blockbench.model;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.zoo.build.BlockRegistry;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;

/** {@link ModelRef}'s key rules and order. */
final class RefKeys {

    /** An id kept as it is in keys: a block name of letters and digits, a position of letters, digits and '-'. */
    private static final Pattern VERBATIM = Pattern.compile("[A-Za-z0-9]+/[a-z0-9-]+");

    private static final List<String> POSITION_ORDER = List.of(Position.EARLY.id(), Position.MID.id(),
            Position.LATE.id(), ModelId.GWO_NETWORK, "");

    static final Comparator<ModelRef> ORDER = Comparator
            .comparing(ModelRef::isFile)
            .thenComparingInt((ModelRef k) -> blockRank(k.block()))
            .thenComparing(ModelRef::block)
            .thenComparingInt(k -> positionRank(k.position()))
            .thenComparing(ModelRef::position)
            .thenComparing(ModelRef::file);

    private RefKeys() {
    }

    static String ofId(ModelId id) {
        String text = id.toString();
        String key = text.replace('/', '-');
        // sanitising is not injective (My.Block and My_Block): a sanitised id carries 8 hex digits of
        // its own SHA-256, a verbatim one never ends so (its last part is a position)
        return VERBATIM.matcher(text).matches() ? key : sanitize(key) + "-" + hash8(text);
    }

    static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String hash8(String s) {
        return OnnxModelFile.sha256(s.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    private static int blockRank(String block) {
        int i = BlockRegistry.names().indexOf(block);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The rank of a position in the order early, mid, late, gwo-net, "" (others after). */
    static int positionRank(String position) {
        int i = POSITION_ORDER.indexOf(position);
        return i < 0 ? POSITION_ORDER.size() : i;
    }
}
