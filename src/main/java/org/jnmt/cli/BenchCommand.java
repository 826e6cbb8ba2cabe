package org.jnmt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jnmt.bench.BenchSizes;
import org.jnmt.bench.Benchmark;
import org.jnmt.config.DecoderType;
import org.jnmt.util.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmt bench}: the speed benchmark, with the sizes and output keys of the PyTorch reference. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Time training steps (forward, backward, clipping, Adam) and greedy and beam-5 decoding "
                    + "on a synthetic batch with a fixed seed, at the sizes and with the output keys of "
                    + "../shared/bench/torch_reference.py. Compare both with scripts/bench-vs-torch.sh."
        })
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--vocab", defaultValue = "8000", description = "Vocabulary size (default: ${DEFAULT-VALUE}).")
    int vocab;

    @Option(names = "--emb", defaultValue = "256", description = "Embedding size (default: ${DEFAULT-VALUE}).")
    int emb;

    @Option(
            names = "--enc-hidden",
            defaultValue = "256",
            description = "Encoder hidden size per direction (default: ${DEFAULT-VALUE}).")
    int encHidden;

    @Option(
            names = "--dec-hidden",
            defaultValue = "512",
            description = "Decoder hidden size (default: ${DEFAULT-VALUE}).")
    int decHidden;

    @Option(names = "--attn", defaultValue = "256", description = "Attention size (default: ${DEFAULT-VALUE}).")
    int attn;

    @Option(
            names = "--decoder",
            defaultValue = "gru",
            paramLabel = "TYPE",
            description = "The decoder, as model.decoder: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DecoderType decoder;

    @Option(names = "--batch", defaultValue = "64", description = "Sentences in the batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--src-len", defaultValue = "20", description = "Longest source (default: ${DEFAULT-VALUE}).")
    int srcLen;

    @Option(
            names = "--tgt-len",
            defaultValue = "20",
            description = "Longest target and greedy steps (default: ${DEFAULT-VALUE}).")
    int tgtLen;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--steps", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--json", description = "Print one JSON object (the last line of stdout) instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (int value : new int[] {vocab, emb, encHidden, decHidden, attn, batch, srcLen, tgtLen, steps}) {
            if (value < 1) {
                throw new UsageException("every size and --steps must be at least 1");
            }
        }
        if (vocab < 5 || srcLen < 2 || tgtLen < 2 || warmup < 0) {
            throw new UsageException(
                    "--vocab must be at least 5, --src-len and --tgt-len at least 2, --warmup at least 0");
        }
        BenchSizes sizes =
                new BenchSizes(vocab, emb, encHidden, decHidden, attn, decoder, batch, srcLen, tgtLen, warmup, steps);
        Map<String, Object> result = new Benchmark(sizes, GlobalOptions.of(spec).threads()).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(result));
        } else {
            result.forEach((key, value) -> out.println(key + ": " + value));
        }
        out.flush();
        return 0;
    }
}
