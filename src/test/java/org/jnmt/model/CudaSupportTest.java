package org.jnmt.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;

class CudaSupportTest {

    private static CudaSupport.Device gpu(String name, int major, int minor) {
        return new CudaSupport.Device(0, name, major, minor);
    }

    @Test
    void runsFromKeplerK80ThroughAmpereAndAda() {
        for (int[] cc : new int[][] {
            {3, 7}, {5, 0}, {5, 2}, {5, 3}, {6, 0}, {6, 1}, {6, 2}, {7, 0}, {7, 2}, {7, 5}, {8, 0}, {8, 6}, {8, 7},
            {8, 9}
        }) {
            assertTrue(CudaSupport.supported(gpu("gpu", cc[0], cc[1])), cc[0] + "." + cc[1]);
        }
    }

    @Test
    void refusesOlderKeplerHopperAndNewer() {
        for (int[] cc : new int[][] {{3, 0}, {3, 5}, {9, 0}, {10, 0}, {12, 0}}) {
            assertFalse(CudaSupport.supported(gpu("gpu", cc[0], cc[1])), cc[0] + "." + cc[1]);
        }
    }

    @Test
    void theErrorNamesTheGpuItsCapabilityAndTheSupportedList() {
        NmtException e = assertThrows(
                NmtException.class,
                () -> CudaSupport.requireSupported(List.of(
                        new CudaSupport.Device(0, "NVIDIA A100", 8, 0),
                        new CudaSupport.Device(1, "NVIDIA H200", 9, 0))));
        assertEquals(
                "GPU 1 (NVIDIA H200) has compute capability 9.0, which the CUDA build of ND4J 1.0.0-M2.1 "
                        + "cannot run: it has kernels for compute capability 3.7, 5.0, 5.2, 6.0, 6.1, 7.0, 7.5, 8.0, 8.6 only "
                        + "(the K80 to Ampere and Ada); use the CPU build instead (mvn package, without -Pcuda).",
                e.getMessage());
    }

    @Test
    void readsTheDevicesFromNd4jsEnvironmentInformation() {
        Properties environment = new Properties();
        environment.put(
                Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY,
                List.of(Map.of(
                        Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA H200",
                        Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY, 9L,
                        Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY, 0L)));
        assertEquals(List.of(new CudaSupport.Device(0, "NVIDIA H200", 9, 0)), CudaSupport.devices(environment));
    }

    @Test
    void theCpuBackendHasNoDevicesAndPasses() {
        assertEquals(List.of(), CudaSupport.devices(new Properties()));
        assertDoesNotThrow(() -> Backend.start(1));
    }
}
