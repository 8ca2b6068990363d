package org.blockbench.train.interp;

import java.util.Locale;
import org.blockbench.BadInputException;
import org.bytedeco.pytorch.global.torch.MemoryFormat;

/**
 * How 4-D activations and weights are laid out in memory. The math is the same; on CPU
 * {@code channels_last} (NHWC) lets oneDNN avoid reorders and is often faster per step.
 */
public enum MemoryLayout {
    NCHW(MemoryFormat.Contiguous), CHANNELS_LAST(MemoryFormat.ChannelsLast);

    private final MemoryFormat format;

    MemoryLayout(MemoryFormat format) {
        this.format = format;
    }

    public MemoryFormat format() {
        return format;
    }

    /** "nchw" or "channels_last". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemoryLayout parse(String id) {
        return BadInputException.byName("memory format", id, values(), MemoryLayout::id);
    }
}
