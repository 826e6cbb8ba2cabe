package org.jnmt.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jnmt.util.NmtException;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;

/**
 * Which GPUs the {@code cuda} build can run on. The native library of nd4j-cuda-11.6 1.0.0-M2.1
 * carries compiled kernels (cubins) for the architectures in {@link #COMPILED} and no PTX that a
 * newer driver could compile. A cubin runs on later minor versions of its own major version only,
 * so the build runs from the K80 (3.7) through Ampere and Ada (8.x), and not on Hopper (9.0) or
 * anything newer. Checked when the CUDA backend starts, so that such a GPU gets one sentence
 * instead of a CUDA error from inside the first kernel launch.
 */
public final class CudaSupport {

    /** A GPU as ND4J reports it. */
    public record Device(int index, String name, int major, int minor) {
        String capability() {
            return major + "." + minor;
        }
    }

    /** Compute capabilities with compiled kernels in libnd4jcuda.so (nd4j-cuda-11.6 1.0.0-M2.1). */
    static final List<int[]> COMPILED = List.of(
            new int[] {3, 7},
            new int[] {5, 0},
            new int[] {5, 2},
            new int[] {6, 0},
            new int[] {6, 1},
            new int[] {7, 0},
            new int[] {7, 5},
            new int[] {8, 0},
            new int[] {8, 6});

    private CudaSupport() {}

    /** Whether some compiled kernel runs on this device: same major version, minor at most the device's. */
    public static boolean supported(Device device) {
        return COMPILED.stream().anyMatch(cc -> cc[0] == device.major() && cc[1] <= device.minor());
    }

    /**
     * Checks that every device can run the compiled kernels.
     *
     * @throws NmtException naming the first device that cannot run the kernels
     */
    public static void requireSupported(List<Device> devices) {
        for (Device device : devices) {
            if (!supported(device)) {
                throw new NmtException(String.format(
                        Locale.ROOT,
                        "GPU %d (%s) has compute capability %s, which the "
                                + "CUDA build of ND4J 1.0.0-M2.1 cannot run: it has kernels for compute capability %s only "
                                + "(the K80 to Ampere and Ada); use the CPU build instead (mvn package, without -Pcuda).",
                        device.index(),
                        device.name(),
                        device.capability(),
                        compiledList()));
            }
        }
    }

    /** The GPUs in ND4J's environment information (none on the CPU backend). */
    @SuppressWarnings("unchecked")
    static List<Device> devices(Properties environment) {
        Object listed = environment.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY);
        if (!(listed instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> maps = (List<Map<String, Object>>) list;
        return IntStream.range(0, maps.size())
                .mapToObj(i -> new Device(
                        i,
                        String.valueOf(maps.get(i).get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY)),
                        ((Number) maps.get(i).get(Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY)).intValue(),
                        ((Number) maps.get(i).get(Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY)).intValue()))
                .toList();
    }

    static String compiledList() {
        return COMPILED.stream().map(cc -> cc[0] + "." + cc[1]).collect(Collectors.joining(", "));
    }
}
