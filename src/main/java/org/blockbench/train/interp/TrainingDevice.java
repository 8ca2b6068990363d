package org.blockbench.train.interp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.blockbench.BadInputException;
import org.blockbench.text.OneLine;

/**
 * Where LibTorch trains: {@code cpu} (every build) or {@code cuda} (device 0 of LibTorch's CUDA
 * build, which only {@code mvn -Pcuda package} puts on the class path). Parameters, buffers,
 * constants and every batch live on the device; weights come back to the CPU for the
 * write-back into ONNX and the ONNX Runtime parity check, which run on the CPU as before.
 *
 * <p>{@link #requireAvailable()} is called before any work, so that a CPU build or a machine
 * without a GPU refuses {@code --device cuda} in one line (exit 2) with nothing written. The
 * CUDA path has not been run on a GPU in this project's tests (no GPU was available): docs/train.md
 * says so.
 */
public enum TrainingDevice {
    CPU, CUDA;

    /** What the CUDA build of the Bytedeco PyTorch presets adds to the class path (its classifier's directory). */
    static final String CUDA_LIBRARY = "libtorch_cuda.so";

    /** Lower-case name used on the command line and in run.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(TrainingDevice::id).toList();
    }

    /** Parses "cpu" / "cuda"; anything else lists the valid names. */
    public static TrainingDevice parse(String id) {
        return BadInputException.byName("device", id, values(), TrainingDevice::id);
    }

    /**
     * This device, after checking that LibTorch can train on it here: for {@code cuda}, that
     * LibTorch's CUDA natives are on the class path and that they see a CUDA device.
     *
     * @throws BadInputException naming what is missing, with the way to get it
     */
    public TrainingDevice requireAvailable() {
        if (this == CPU) {
            return this;
        }
        TorchRuntime.initialize();
        String platform = org.bytedeco.javacpp.Loader.getPlatform();
        String resource = "org/bytedeco/pytorch/" + platform + "-gpu/" + CUDA_LIBRARY;
        if (TrainingDevice.class.getClassLoader().getResource(resource) == null) {
            throw new BadInputException("--device cuda needs LibTorch's CUDA build, but this build has only the CPU one (no "
                    + resource + " on the class path): rebuild with 'mvn -Pcuda package' (docs/train.md §GPU), or pass"
                    + " --device cpu");
        }
        boolean available;
        try {
            available = org.bytedeco.pytorch.global.torch.cuda_is_available();
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new BadInputException("--device cuda: LibTorch's CUDA build is on the class path but did not load ("
                    + OneLine.firstLine(String.valueOf(e.getMessage())) + "): install the CUDA toolkit and cuDNN it was built"
                    + " for (docs/train.md §GPU), or pass --device cpu", e);
        }
        if (!available) {
            throw new BadInputException("--device cuda: LibTorch's CUDA build sees no CUDA device (no NVIDIA driver, or"
                    + " CUDA_VISIBLE_DEVICES hides every GPU); pass --device cpu");
        }
        return this;
    }

    /** The LibTorch device (a new native object; the caller owns it). */
    public org.bytedeco.pytorch.Device torchDevice() {
        return new org.bytedeco.pytorch.Device(this == CPU ? org.bytedeco.pytorch.global.torch.DeviceType.CPU
                : org.bytedeco.pytorch.global.torch.DeviceType.CUDA, (byte) 0);
    }
}
