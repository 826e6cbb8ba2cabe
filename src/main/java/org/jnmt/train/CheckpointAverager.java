package org.jnmt.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.checkpoint.Checkpoint.Metadata;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.util.NmtException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Averages the weights of the last checkpoints of a run, element by element (as Vaswani et al. 2017
 * do with their last 5 or 20 checkpoints); usually a little better than any one of them.
 */
public final class CheckpointAverager {

    private CheckpointAverager() {}

    /**
     * The element-wise mean of the weights in {@code files} (summed in double precision, returned in
     * the files' data type), by name in the first file's order.
     *
     * @throws NmtException when a file cannot be read or the files hold different parameters
     */
    public static Map<String, INDArray> average(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("nothing to average");
        }
        Path first = files.get(0);
        Map<String, INDArray> firstWeights = Checkpoint.readWeights(first);
        Map<String, INDArray> sums = new LinkedHashMap<>(); // name -> sum, shape of the parameter
        Map<String, DataType> types = new LinkedHashMap<>();
        firstWeights.forEach((name, tensor) -> {
            sums.put(name, tensor.castTo(DataType.DOUBLE).dup());
            types.put(name, tensor.dataType());
        });
        for (Path file : files.subList(1, files.size())) {
            Map<String, INDArray> weights = Checkpoint.readWeights(file);
            if (!weights.keySet().equals(sums.keySet())) {
                throw new NmtException(file + ": holds other parameters than " + first
                        + "; only checkpoints of one model can be averaged");
            }
            weights.forEach((name, tensor) -> {
                INDArray sum = sums.get(name);
                if (!Arrays.equals(sum.shape(), tensor.shape())) {
                    throw new NmtException(
                            file + ": parameter " + name + " has shape " + Arrays.toString(tensor.shape())
                                    + " but " + Arrays.toString(sum.shape()) + " in " + first
                                    + "; only checkpoints of one model can be averaged");
                }
                sum.addi(tensor.castTo(DataType.DOUBLE));
            });
        }
        Map<String, INDArray> averages = new LinkedHashMap<>();
        sums.forEach((name, sum) -> averages.put(name, sum.divi(files.size()).castTo(types.get(name))));
        return averages;
    }

    /**
     * The last {@code n} step checkpoints of {@code runDir}, oldest first.
     *
     * @throws NmtException when the directory is missing or holds fewer than n checkpoints
     */
    public static List<Path> lastCheckpoints(Path runDir, int n) {
        if (!Files.isDirectory(runDir)) {
            throw new NmtException(runDir + ": no such directory");
        }
        List<Path> all = CheckpointFiles.list(runDir);
        if (all.isEmpty()) {
            throw new NmtException(runDir + ": has no " + CheckpointFiles.CHECKPOINT_DIR
                    + "/step-*.ckpt files (is it a training run directory?)");
        }
        if (all.size() < n) {
            throw new NmtException(runDir.resolve(CheckpointFiles.CHECKPOINT_DIR) + ": holds " + all.size()
                    + " step checkpoints, fewer than the " + n + " asked for");
        }
        return all.subList(all.size() - n, all.size());
    }

    /** Writes averaged weights as a weights checkpoint that records the steps it was averaged from. */
    public static void write(Path output, Map<String, INDArray> averages, List<Path> averagedFiles) {
        List<Long> steps = new ArrayList<>();
        for (Path file : averagedFiles) {
            steps.add(CheckpointFiles.stepOf(file));
        }
        Checkpoint.write(output, new Metadata(Checkpoint.KIND_WEIGHTS, null, null, steps), averages, Map.of());
    }
}
