package org.jnmt.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One line of metrics.jsonl, as Jackson writes and reads it: the {@code type} key says which kind,
 * the other keys are the components in snake case ({@code tokensPerS} is {@code tokens_per_s}).
 * Numbers are boxed so that a key a line lacks reads as NaN, as it always has; keys this version
 * does not know are skipped.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MetricsEntry.Train.class, name = "train"),
    @JsonSubTypes.Type(value = MetricsEntry.Valid.class, name = "valid")
})
@JsonIgnoreProperties(ignoreUnknown = true)
sealed interface MetricsEntry {

    /** A {@link TrainReport}, with its perplexity written out for readers of the file. */
    record Train(
            long step,
            int epoch,
            Double loss,
            Double ppl,
            Double lr,
            Double tokensPerS,
            Double gradNorm,
            Double elapsedS)
            implements MetricsEntry {

        static Train of(TrainReport r) {
            return new Train(
                    r.step(),
                    r.epoch(),
                    r.loss(),
                    r.perplexity(),
                    r.learningRate(),
                    r.targetTokensPerSecond(),
                    r.gradNorm(),
                    r.elapsedSeconds());
        }

        TrainReport report() {
            return new TrainReport(
                    step, epoch, orNaN(loss), orNaN(lr), orNaN(tokensPerS), orNaN(gradNorm), orNaN(elapsedS));
        }
    }

    /** A {@link ValidationReport}, with its perplexity written out for readers of the file. */
    record Valid(long step, int epoch, Double devLoss, Double devPpl, Double devBleu, Double elapsedS)
            implements MetricsEntry {

        static Valid of(ValidationReport r) {
            return new Valid(r.step(), r.epoch(), r.loss(), r.perplexity(), r.bleu(), r.elapsedSeconds());
        }

        ValidationReport report() {
            return new ValidationReport(step, epoch, orNaN(devLoss), orNaN(devBleu), orNaN(elapsedS));
        }
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
