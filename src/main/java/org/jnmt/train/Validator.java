package org.jnmt.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jnmt.config.BatchType;
import org.jnmt.data.Batch;
import org.jnmt.data.Batcher;
import org.jnmt.data.EncodedCorpus;
import org.jnmt.data.TextPipeline;
import org.jnmt.decode.GreedySearch;
import org.jnmt.decode.Hypothesis;
import org.jnmt.decode.ModelSearch;
import org.jnmt.decode.SearchOptions;
import org.jnmt.eval.Bleu;
import org.jnmt.eval.BleuSettings;
import org.jnmt.model.LossResult;
import org.jnmt.model.Seq2SeqModel;

/**
 * Validation on the dev set: the mean negative log-likelihood per target token (teacher forced,
 * no dropout) and the BLEU of greedy translations, detokenised and scored against the raw
 * references exactly as sacreBLEU would score them.
 */
final class Validator {

    private static final int BATCH_SENTENCES = 64;

    /**
     * One validation.
     *
     * @param loss mean NLL per dev target token
     * @param bleu corpus BLEU of the greedy translations
     * @param sentences how many dev sentences were translated for the BLEU
     */
    record Result(double loss, double bleu, int sentences) {}

    private final Seq2SeqModel model;
    private final EncodedCorpus dev;
    private final List<String> references;
    private final TextPipeline target;
    private final int sentences;
    private final SearchOptions search;

    /**
     * @param maxSentences translate at most this many dev sentences for BLEU (0: all)
     */
    Validator(
            Seq2SeqModel model,
            EncodedCorpus dev,
            List<String> references,
            TextPipeline target,
            int maxSentences,
            double maxOutputRatio) {
        this.model = model;
        this.dev = dev;
        this.references = references;
        this.target = target;
        this.sentences = maxSentences <= 0 ? dev.size() : Math.min(maxSentences, dev.size());
        this.search = SearchOptions.greedy(maxOutputRatio);
    }

    Result run() {
        Batcher batcher = new Batcher(dev, BATCH_SENTENCES, BatchType.SENTENCES, 0);
        double nll = 0;
        long tokens = 0;
        String[] hypotheses = new String[sentences];
        GreedySearch<?> greedy = new GreedySearch<>(new ModelSearch(model), search);
        for (int[] pairs : batcher.sortedPlan()) {
            Batch batch = batcher.build(pairs);
            LossResult loss = model.loss(batch);
            nll += loss.nll();
            tokens += loss.tokens();
            int[] wanted = Arrays.stream(pairs).filter(i -> i < sentences).toArray();
            if (wanted.length == 0) {
                continue;
            }
            Batch sources = wanted.length == pairs.length ? batch : batcher.build(wanted);
            List<Hypothesis> results = greedy.search(sources.src(), sources.srcLengths());
            for (int i = 0; i < results.size(); i++) {
                hypotheses[(int) sources.indices()[i]] =
                        target.decode(results.get(i).tokens());
            }
        }
        List<String> refs = new ArrayList<>(references.subList(0, sentences));
        double bleu = new Bleu(BleuSettings.defaults())
                .corpusScore(Arrays.asList(hypotheses), List.of(refs))
                .score();
        return new Result(nll / Math.max(1, tokens), bleu, sentences);
    }
}
