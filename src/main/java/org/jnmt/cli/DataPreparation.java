package org.jnmt.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.jnmt.align.TrainingAlignments;
import org.jnmt.config.AlignmentSource;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;
import org.jnmt.util.Console;

/**
 * What {@code nmt prepare} does, and {@code nmt train} when the data is not prepared yet: the data
 * directory ({@link DataPreparer}), then, with {@code data.alignment: ibm2} or {@code file}, the word
 * alignment of its training pairs ({@link TrainingAlignments}).
 */
final class DataPreparation {

    private DataPreparation() {}

    /** Prepares the data of {@code config}; returns the summary text. */
    static String run(NmtConfig config, boolean skipInvalid, int threads) {
        String summary = new DataPreparer(config, skipInvalid).prepare();
        AlignmentSource alignment = config.data.alignment;
        if (alignment != AlignmentSource.NONE) {
            long start = System.nanoTime();
            PreparedData data = PreparedData.load(Path.of(config.data.dir));
            long links;
            String from;
            if (alignment == AlignmentSource.IBM2) {
                Console.info("prepare: aligning the training pairs (IBM Model 2 both ways, grow-diag-final-and)");
                links = TrainingAlignments.write(data, threads);
                from = "IBM Model 2";
            } else {
                Path file = Path.of(config.data.alignmentFile);
                Console.info("prepare: reading the alignment of the training pairs from " + file);
                links = TrainingAlignments.importFile(data, config.data.train, file, skipInvalid);
                from = file.toString();
            }
            summary += String.format(
                    Locale.ROOT,
                    "train alignment: %,d links over %,d pairs from %s in %.0f s (%s)%n",
                    links,
                    data.train().size(),
                    from,
                    (System.nanoTime() - start) / 1e9,
                    PreparedData.TRAIN_ALIGNMENT);
        }
        return summary;
    }
}
