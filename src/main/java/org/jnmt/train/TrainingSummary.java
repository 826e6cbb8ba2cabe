package org.jnmt.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.config.TrainingConfig;

/**
 * Where the training of a model directory stands, from its checkpoints and metrics.jsonl, without
 * loading any weights.
 *
 * @param lastStep         the highest step of the latest checkpoint and of the metrics (0 for none)
 * @param latestCheckpoint the latest step checkpoint, or null when there is none
 * @param validations      the number of validations in the metrics
 * @param bestDevBleu      the best dev BLEU in the metrics (NaN when there was no validation)
 * @param bestStep         the step of that validation (0 when there was none)
 * @param finishedReason   why training is over (all epochs done, early stopping, time limit), or
 *                         null when the latest checkpoint says it would go on or there is no checkpoint
 */
public record TrainingSummary(
        long lastStep,
        Path latestCheckpoint,
        int validations,
        double bestDevBleu,
        long bestStep,
        String finishedReason) {

    public boolean finished() {
        return finishedReason != null;
    }

    /** Reads the summary of a model directory; a damaged metrics file or checkpoint is an NmtException. */
    public static TrainingSummary of(Path dir, TrainingConfig training) {
        Optional<Path> latest = CheckpointFiles.latest(dir);
        long lastStep = latest.map(CheckpointFiles::stepOf).orElse(0L);
        String finishedReason = null;
        if (latest.isPresent()) {
            TrainingState state = TrainingCheckpoint.readState(latest.get());
            finishedReason = state == null ? null : state.finishedReason(training);
        }
        Path metricsFile = dir.resolve(MetricsLog.FILE_NAME);
        List<TrainReport> train = List.of();
        List<ValidationReport> validations = List.of();
        if (Files.isRegularFile(metricsFile)) {
            MetricsLog.Records records = MetricsLog.read(metricsFile);
            train = records.train();
            validations = records.validations();
        }
        for (TrainReport report : train) {
            lastStep = Math.max(lastStep, report.step());
        }
        double bestBleu = Double.NaN;
        long bestStep = 0;
        for (ValidationReport report : validations) {
            lastStep = Math.max(lastStep, report.step());
            if (Double.isNaN(bestBleu) || report.bleu() > bestBleu) {
                bestBleu = report.bleu();
                bestStep = report.step();
            }
        }
        return new TrainingSummary(
                lastStep, latest.orElse(null), validations.size(), bestBleu, bestStep, finishedReason);
    }
}
