package org.jnmt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jnmt.api.ModelDirectory;
import org.jnmt.data.BpeCodes;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Backend;
import org.jnmt.train.TrainingSummary;
import org.jnmt.util.NmtException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code nmt info}: what a model directory holds and where its training stands. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = {
            "Describe a model directory: format version, parameter count, vocabularies and BPE, the "
                    + "weights translation loads, the training state (last step, best dev BLEU, finished or not) "
                    + "and the configuration."
        })
public class InfoCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelDirectory directory = ModelDirectory.open(model.dir);
        PreparedData.Pipelines pipelines = directory.pipelines();
        TrainingSummary training = TrainingSummary.of(directory.dir(), directory.config().training);
        Backend.start(GlobalOptions.of(spec).threads());
        PrintWriter out = spec.commandLine().getOut();
        String version = directory.manifest().path("jnmt_version").asText("null");
        row(out, "model", directory.dir().toString());
        row(
                out,
                "format",
                "version " + directory.formatVersion()
                        + (version.equals("null") ? "" : " (written by jnmt " + version + ")"));
        row(out, "parameters", String.format(Locale.ROOT, "%,d", directory.parameterCount(pipelines)));
        row(
                out,
                "vocabulary",
                String.format(
                        Locale.ROOT,
                        "source %,d tokens, target %,d tokens",
                        pipelines.source().vocabulary().size(),
                        pipelines.target().vocabulary().size()));
        row(out, "bpe", bpe(pipelines));
        row(out, "lowercase", pipelines.source().lowercase() ? "yes" : "no");
        row(out, "text files", String.join(" ", textFiles(directory.dir())));
        row(out, "weights", weights(directory));
        row(out, "training", trainingState(training));
        row(
                out,
                "best dev BLEU",
                Double.isNaN(training.bestDevBleu())
                        ? "none (no validation)"
                        : String.format(
                                Locale.ROOT,
                                "%.2f at step %d (%d validations)",
                                training.bestDevBleu(),
                                training.bestStep(),
                                training.validations()));
        out.println();
        out.println(ModelDirectory.CONFIG + ":");
        out.print(config(directory.dir()));
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf(Locale.ROOT, "%-14s %s%n", name, value);
    }

    private static String bpe(PreparedData.Pipelines pipelines) {
        BpeCodes source = pipelines.source().codes();
        BpeCodes target = pipelines.target().codes();
        if (source == null && target == null) {
            return "none (word-level vocabularies)";
        }
        return String.format(Locale.ROOT, "source %s, target %s", merges(source), merges(target));
    }

    private static String merges(BpeCodes codes) {
        return codes == null ? "none" : String.format(Locale.ROOT, "%,d merges", codes.size());
    }

    private static List<String> textFiles(Path dir) {
        List<String> present = new ArrayList<>();
        for (String name : PreparedData.PIPELINE_FILES) {
            if (Files.exists(dir.resolve(name))) {
                present.add(name);
            }
        }
        return present;
    }

    /** The weights file translation loads, or why there is none. */
    private static String weights(ModelDirectory directory) {
        try {
            return directory.dir().relativize(directory.weightsFile()).toString();
        } catch (NmtException e) {
            return "none yet (no best.ckpt and no checkpoint)";
        }
    }

    private static String trainingState(TrainingSummary training) {
        String state = "step " + training.lastStep();
        if (training.finished()) {
            return state + ", finished (" + training.finishedReason() + ")";
        }
        return state
                + (training.latestCheckpoint() == null
                        ? ", no checkpoint"
                        : ", not finished ('nmt train --resume' continues from "
                                + training.latestCheckpoint().getFileName() + ")");
    }

    private static String config(Path dir) {
        try {
            return Files.readString(dir.resolve(ModelDirectory.CONFIG));
        } catch (IOException e) {
            throw new NmtException(dir.resolve(ModelDirectory.CONFIG) + ": cannot read: " + e.getMessage(), e);
        }
    }
}
