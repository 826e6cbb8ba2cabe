package org.jnmt.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * chrF (Popović, 2015) and chrF++ (Popović, 2017) computed exactly as sacreBLEU 2.6.0 computes
 * them. For every order, the statistics are [hypothesis n-grams, reference n-grams, matches]; with
 * several references a segment takes the statistics of the reference with the best F-score; corpus
 * chrF sums the statistics over the segments, averages precision and recall over the orders both
 * sides have, and returns F_β = (1 + β²)·P·R / (β²·P + R) in percent. Thread-safe.
 */
public final class Chrf {

    /** The ASCII punctuation ({@code string.punctuation}) that chrF++ splits off words. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static final double EPSILON = 1e-16;

    private final ChrfSettings settings;

    public Chrf(ChrfSettings settings) {
        this.settings = settings;
    }

    public ChrfSettings settings() {
        return settings;
    }

    /** Corpus chrF of {@code hypotheses} against reference sets with one segment per hypothesis. */
    public ChrfScore corpusScore(List<String> hypotheses, List<List<String>> referenceSets) {
        List<List<String>> references = ReferenceSets.bySegment(hypotheses, referenceSets);
        long[] corpus = new long[3 * orders()];
        for (int i = 0; i < hypotheses.size(); i++) {
            long[] segment = segmentStatistics(hypotheses.get(i), references.get(i));
            for (int k = 0; k < corpus.length; k++) {
                corpus[k] += segment[k];
            }
        }
        return score(corpus);
    }

    /** chrF of one segment against its references. */
    public ChrfScore sentenceScore(String hypothesis, List<String> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("sentenceScore needs at least one reference");
        }
        return score(segmentStatistics(hypothesis, references));
    }

    /** The signature of scores computed with these settings against {@code referenceCount} references. */
    public Signature signature(int referenceCount) {
        return Signature.of(
                referenceCount,
                List.of(
                        new Signature.Field("case", "c", settings.lowercase() ? "lc" : "mixed"),
                        new Signature.Field("eff", "e", settings.epsSmoothing() ? "no" : "yes"),
                        new Signature.Field("nc", "nc", Integer.toString(settings.charOrder())),
                        new Signature.Field("nw", "nw", Integer.toString(settings.wordOrder())),
                        new Signature.Field("space", "s", settings.whitespace() ? "yes" : "no")));
    }

    private ChrfScore score(long[] statistics) {
        String name = "chrF" + settings.beta() + "+".repeat(settings.wordOrder());
        return new ChrfScore(name, fScore(statistics));
    }

    private int orders() {
        return settings.charOrder() + settings.wordOrder();
    }

    /** [hyp, ref, match] per order, characters first, from the reference with the best F-score. */
    long[] segmentStatistics(String hypothesis, List<String> references) {
        List<NgramCounts> hypothesisNgrams = ngrams(hypothesis);
        long[] best = null;
        double bestScore = -1.0;
        for (String reference : references) {
            List<NgramCounts> referenceNgrams = ngrams(reference);
            long[] statistics = new long[3 * orders()];
            for (int order = 0; order < orders(); order++) {
                NgramCounts hyp = hypothesisNgrams.get(order);
                NgramCounts ref = referenceNgrams.get(order);
                // an order the reference lacks does not count the hypothesis n-grams either
                statistics[3 * order] = ref.isEmpty() ? 0 : hyp.total();
                statistics[3 * order + 1] = ref.total();
                statistics[3 * order + 2] = hyp.clippedMatches(ref);
            }
            double score = fScore(statistics);
            if (score > bestScore) {
                bestScore = score;
                best = statistics;
            }
        }
        return best;
    }

    /** The character n-grams of orders 1..charOrder, then the word n-grams of orders 1..wordOrder. */
    private List<NgramCounts> ngrams(String segment) {
        String text = settings.lowercase() ? PythonStrings.lower(segment) : segment;
        String characters = settings.whitespace() ? text : PythonStrings.removeWhitespace(text);
        List<NgramCounts> ngrams = new ArrayList<>(orders());
        for (int n = 1; n <= settings.charOrder(); n++) {
            ngrams.add(NgramCounts.ofCharacters(characters, n));
        }
        if (settings.wordOrder() > 0) {
            List<String> words = separatePunctuation(text);
            for (int n = 1; n <= settings.wordOrder(); n++) {
                ngrams.add(NgramCounts.ofWords(words, n));
            }
        }
        return ngrams;
    }

    /**
     * chrF++'s word split: one punctuation character is split off the end of a word, or else off its
     * start ({@code (hi)} gives {@code (hi} and {@code )}, as in sacreBLEU and chrF++.py).
     */
    static List<String> separatePunctuation(String text) {
        List<String> words = new ArrayList<>();
        for (String word : PythonStrings.split(text)) {
            int length = word.codePointCount(0, word.length());
            int lastStart = word.offsetByCodePoints(word.length(), -1);
            int firstEnd = word.offsetByCodePoints(0, 1);
            if (length == 1) {
                words.add(word);
            } else if (isPunctuation(word.codePointAt(lastStart))) {
                words.add(word.substring(0, lastStart));
                words.add(word.substring(lastStart));
            } else if (isPunctuation(word.codePointAt(0))) {
                words.add(word.substring(0, firstEnd));
                words.add(word.substring(firstEnd));
            } else {
                words.add(word);
            }
        }
        return words;
    }

    private static boolean isPunctuation(int codePoint) {
        return codePoint < 0x80 && PUNCTUATION.indexOf(codePoint) >= 0;
    }

    /** F_β in percent, in sacreBLEU's order of floating-point operations. */
    double fScore(long[] statistics) {
        int factor = settings.beta() * settings.beta();
        double epsScore = 0.0;
        double precisionSum = 0.0;
        double recallSum = 0.0;
        int effectiveOrder = 0;
        for (int order = 0; order < orders(); order++) {
            long hyp = statistics[3 * order];
            long ref = statistics[3 * order + 1];
            long match = statistics[3 * order + 2];
            double precision = hyp > 0 ? (double) match / hyp : EPSILON;
            double recall = ref > 0 ? (double) match / ref : EPSILON;
            double denominator = factor * precision + recall;
            epsScore += denominator > 0 ? (1 + factor) * precision * recall / denominator : EPSILON;
            if (hyp > 0 && ref > 0) {
                precisionSum += precision;
                recallSum += recall;
                effectiveOrder++;
            }
        }
        if (settings.epsSmoothing()) {
            return 100 * epsScore / orders();
        }
        double precision = effectiveOrder == 0 ? 0.0 : precisionSum / effectiveOrder;
        double recall = effectiveOrder == 0 ? 0.0 : recallSum / effectiveOrder;
        if (precision + recall == 0) {
            return 0.0;
        }
        double score = (1 + factor) * precision * recall;
        score /= factor * precision + recall;
        return 100 * score;
    }
}
