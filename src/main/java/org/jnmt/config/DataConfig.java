package org.jnmt.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * The {@code data:} section: where the corpora are, how text is prepared (normalisation,
 * pre-tokenisation, BPE, vocabularies) and filtered. Paths are relative to the working directory.
 */
public class DataConfig {

    /** Source and target language codes, used to name files (e.g. "de", "en"). */
    public String srcLang = "src";

    public String tgtLang = "tgt";

    /** Training, development and test corpora. */
    public CorpusSpec train;

    public CorpusSpec dev;
    public CorpusSpec test;

    /**
     * For a corpus with no official split (Tatoeba): split {@code train} into train/dev/test with
     * this seed; {@code dev} and {@code test} must then be absent.
     */
    public SplitSpec split;

    /**
     * More training corpora, appended to the training pairs after {@link #split} has drawn dev and
     * test from {@code train} (so none of their pairs reaches dev or test), each read {@code repeat}
     * times. For a small in-domain corpus that should weigh more (OpenNMT-py weights its corpora for
     * the same reason), or for the unannotated text of a word-alignment test set, which word aligners
     * are trained on along with the rest.
     */
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    public List<ExtraCorpusSpec> extraTrain = List.of();

    /**
     * Sentence-concatenation augmentation (Kondo et al. 2021, "Sentence Concatenation Approach to
     * Data Augmentation for Neural Machine Translation"; Nguyen et al. 2021): training examples that
     * join training pairs drawn at random, appended after all other training pairs, for sentence
     * lengths that the corpus itself lacks. Null (the default): none.
     */
    public ConcatSpec concat;

    /** Where {@code nmt prepare} writes the prepared data directory. */
    public String dir = "data/prepared";

    public boolean lowercase = false;

    /** Number of BPE merges; 0 disables BPE (word-level vocabularies). */
    public int bpeMerges = 8000;
    /** One BPE model learned on source and target text together. */
    public boolean jointBpe = true;

    public int vocabMinFreq = 1;
    /** 0 means no limit. */
    public int vocabMaxSize = 0;
    /** One vocabulary shared by source and target (needed for tied source/target embeddings). */
    public boolean jointVocab = false;

    /**
     * The word alignment of the training pairs that guided-alignment training needs
     * ({@code training.guided_alignment}): "none", "ibm2" (the built-in aligner) or "file"
     * ({@link #alignmentFile}).
     */
    public AlignmentSource alignment = AlignmentSource.NONE;

    /**
     * With {@code alignment: file}: Pharaoh lines ({@code SRC-TGT}, 0-based), one for every line of
     * data.train (the lines that a split draws for dev and test too), indexing the whitespace-separated
     * words of the lines as written there: what fast_align and atools write for that text.
     */
    public String alignmentFile;

    /** Training pairs longer than this (in subword tokens, either side) are filtered out. */
    public int maxLength = 100;
    /** Training pairs whose length ratio exceeds this are filtered out. */
    public double maxLengthRatio = 3.0;

    /** A parallel corpus: either {@code tsv} (source TAB target) or {@code src} and {@code tgt} files. */
    public static class CorpusSpec {
        public String tsv;
        public String src;
        public String tgt;
        /** With a TSV file, the column order may be target first (Tatoeba's eng-fra is "en TAB fr"). */
        public boolean swapColumns = false;

        /** A corpus of two line-aligned files. */
        public static CorpusSpec of(java.nio.file.Path source, java.nio.file.Path target) {
            CorpusSpec spec = new CorpusSpec();
            spec.src = source.toString();
            spec.tgt = target.toString();
            return spec;
        }
    }

    /** A training corpus of {@link #extraTrain}, read {@code repeat} times. */
    public static class ExtraCorpusSpec extends CorpusSpec {
        public int repeat = 1;
    }

    /** What {@link #concat} adds: {@code fraction} times as many examples as there are training pairs. */
    public static class ConcatSpec {
        /** How many training pairs each example joins. */
        public int pairs = 2;
        /** How many examples, as a fraction of the training pairs (data.train's and extra_train's). */
        public double fraction = 0.5;
        /** Which pairs are drawn. */
        public long seed = 1;
    }

    /** A seeded random split of one corpus into train, dev and test. */
    public static class SplitSpec {
        public long seed = 1234;
        public int dev = 1000;
        public int test = 1000;
    }
}
