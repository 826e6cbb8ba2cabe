package org.jnmt.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * BLEU (Papineni et al., 2002) computed exactly as sacreBLEU 2.6.0 computes it: segments are
 * optionally lowercased, right-stripped and tokenized, n-grams of orders 1 to 4 are clipped by their
 * maximum count over the references, the reference length of a segment is the one closest to the
 * hypothesis length (the shorter on ties), and corpus BLEU sums these statistics over all segments
 * before computing the precisions. Thread-safe; creating one is cheap.
 *
 * <pre>{@code
 * Bleu bleu = new Bleu(BleuSettings.defaults());
 * BleuScore score = bleu.corpusScore(hypotheses, List.of(references));
 * String line = ScoreFormat.text(score, bleu.signature(1).format(false), 4); // BLEU|nrefs:1|... = 37.1036 ...
 * }</pre>
 */
public final class Bleu {

    /** The highest n-gram order (BLEU-4). */
    public static final int MAX_NGRAM_ORDER = 4;

    private final BleuSettings settings;
    private final Tokenizer tokenizer;

    public Bleu(BleuSettings settings) {
        this.settings = settings;
        this.tokenizer = settings.tokenizer().create();
    }

    public BleuSettings settings() {
        return settings;
    }

    /**
     * Corpus BLEU of {@code hypotheses} against one or more reference sets, each a list with one
     * segment per hypothesis.
     */
    public BleuScore corpusScore(List<String> hypotheses, List<List<String>> referenceSets) {
        List<List<String>> references = ReferenceSets.bySegment(hypotheses, referenceSets);
        BleuStatistics corpus = new BleuStatistics(MAX_NGRAM_ORDER);
        for (int i = 0; i < hypotheses.size(); i++) {
            corpus.add(segmentStatistics(hypotheses.get(i), references.get(i)));
        }
        return BleuScore.of(corpus, settings);
    }

    /** BLEU of one segment against its references (turn on effective order for meaningful values). */
    public BleuScore sentenceScore(String hypothesis, List<String> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("sentenceScore needs at least one reference");
        }
        return BleuScore.of(segmentStatistics(hypothesis, references), settings);
    }

    /** The signature of scores computed with these settings against {@code referenceCount} references. */
    public Signature signature(int referenceCount) {
        String smoothing = settings.smoothing().cliName();
        if (settings.smoothing().takesValue()) {
            smoothing += "[" + PythonFloats.fixed(settings.effectiveSmoothValue(), 2) + "]";
        }
        return Signature.of(
                referenceCount,
                List.of(
                        new Signature.Field("case", "c", settings.lowercase() ? "lc" : "mixed"),
                        new Signature.Field("eff", "e", settings.effectiveOrder() ? "yes" : "no"),
                        new Signature.Field("tok", "tok", tokenizer.signature()),
                        new Signature.Field("smooth", "s", smoothing)));
    }

    /** The statistics of one segment: matches clipped by the maximum count over all references. */
    BleuStatistics segmentStatistics(String hypothesis, List<String> references) {
        List<NgramCounts> referenceNgrams = new ArrayList<>(MAX_NGRAM_ORDER);
        List<Integer> referenceLengths = new ArrayList<>(references.size());
        for (String reference : references) {
            List<String> tokens = tokens(reference);
            referenceLengths.add(tokens.size());
            for (int n = 1; n <= MAX_NGRAM_ORDER; n++) {
                NgramCounts ngrams = NgramCounts.ofWords(tokens, n);
                if (referenceNgrams.size() < n) {
                    referenceNgrams.add(ngrams);
                } else {
                    referenceNgrams.get(n - 1).maximize(ngrams);
                }
            }
        }
        List<String> hypothesisTokens = tokens(hypothesis);
        long[] matches = new long[MAX_NGRAM_ORDER];
        long[] totals = new long[MAX_NGRAM_ORDER];
        for (int n = 1; n <= MAX_NGRAM_ORDER; n++) {
            NgramCounts ngrams = NgramCounts.ofWords(hypothesisTokens, n);
            totals[n - 1] = ngrams.total();
            matches[n - 1] = ngrams.clippedMatches(referenceNgrams.get(n - 1));
        }
        int hypothesisLength = hypothesisTokens.size();
        return new BleuStatistics(hypothesisLength, closestLength(hypothesisLength, referenceLengths), matches, totals);
    }

    private List<String> tokens(String segment) {
        String text = settings.lowercase() ? PythonStrings.lower(segment) : segment;
        return PythonStrings.split(tokenizer.tokenize(PythonStrings.rstrip(text)));
    }

    /** The reference length closest to the hypothesis length; the shorter one on ties. */
    private static int closestLength(int hypothesisLength, List<Integer> referenceLengths) {
        int closest = -1;
        int closestDifference = -1;
        for (int length : referenceLengths) {
            int difference = Math.abs(hypothesisLength - length);
            if (closestDifference == -1
                    || difference < closestDifference
                    || (difference == closestDifference && length < closest)) {
                closestDifference = difference;
                closest = length;
            }
        }
        return closest;
    }
}
