package org.jnmt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every key of the config with a bad value is refused at load, named as FILE: section.key: ... (allowed: ...). */
class ConfigCheckTest {

    /** Each config key, a bad value for it (YAML), and what the message must say after "FILE: key: ". */
    private static final List<Arguments> BAD_VALUES = List.of(
            bad("data.src_lang", "''", "is empty (allowed: a non-empty string)"),
            bad("data.tgt_lang", "' '", "is empty (allowed: a non-empty string)"),
            bad("data.train", "{tsv: a.tsv, src: a.de, tgt: a.en}", "needs either tsv or both src and tgt (allowed: "),
            bad("data.dev", "{src: a.de}", "needs either tsv or both src and tgt (allowed: "),
            bad("data.test", "{tsv: a.tsv, tgt: a.en}", "needs either tsv or both src and tgt (allowed: "),
            badAt("data.split", "{dev: 0}", "data.split.dev: is 0 (allowed: 1 or more)"),
            badAt("data.split", "{test: -1}", "data.split.test: is -1 (allowed: 0 or more)"),
            badAt("data.split", "{seed: x}", "data.split.seed: 'x' is not valid (allowed: a whole number)"),
            badAt(
                    "data.train",
                    "{src: a.de, tgt: a.en, swap_columns: true}",
                    "data.train.swap_columns: applies to a tsv corpus only (allowed: false with src/tgt)"),
            badAt(
                    "data.extra_train",
                    "[{src: a.de, tgt: a.en}, {src: b.de, tgt: b.en, repeat: 0}]",
                    "data.extra_train[1].repeat: is 0 (allowed: 1 or more)"),
            badAt(
                    "data.extra_train",
                    "[{tsv: a.tsv, src: a.de}]",
                    "data.extra_train[0]: needs either tsv or both src and tgt (allowed: "),
            badAt("data.concat", "{pairs: 1}", "data.concat.pairs: is 1 (allowed: 2 or more)"),
            badAt("data.concat", "{fraction: 0}", "data.concat.fraction: is 0 (allowed: above 0, at most 10)"),
            badAt("data.concat", "{fraction: 12}", "data.concat.fraction: is 12 (allowed: above 0, at most 10)"),
            badAt("data.concat", "{pairs: 3, seed: x}", "data.concat.seed: "),
            bad("data.dir", "''", "is empty (allowed: a non-empty string)"),
            bad("data.lowercase", "maybe", "'maybe' is not valid (allowed: true or false)"),
            bad("data.bpe_merges", "-1", "is -1 (allowed: 0 or more)"),
            bad("data.joint_bpe", "[1]", "wrong type (allowed: true or false)"),
            bad("data.vocab_min_freq", "0", "is 0 (allowed: 1 or more)"),
            bad("data.vocab_max_size", "-5", "is -5 (allowed: 0 or more)"),
            bad("data.joint_vocab", "sometimes", "'sometimes' is not valid (allowed: true or false)"),
            bad("data.alignment", "fast_align", "'fast_align' is not allowed (allowed: none, ibm2, file)"),
            bad("data.max_length", "0", "is 0 (allowed: 1 or more)"),
            bad("data.max_length_ratio", "0.5", "is 0.5 (allowed: 1 or more)"),
            bad("model.emb", "0", "is 0 (allowed: 1 or more)"),
            bad("model.enc_hidden", "-3", "is -3 (allowed: 1 or more)"),
            bad("model.dec_hidden", "many", "'many' is not valid (allowed: a whole number)"),
            bad("model.attn", "0", "is 0 (allowed: 1 or more)"),
            bad("model.decoder", "lstm", "'lstm' is not allowed (allowed: gru, cgru)"),
            bad("model.readout", "maxot", "'maxot' is not allowed (allowed: none, tanh, maxout)"),
            bad("model.readout_size", "0", "is 0 (allowed: 1 or more)"),
            bad("model.emb_dropout", "1.0", "is 1 (allowed: 0 or more, below 1)"),
            bad("model.out_dropout", "-0.1", "is -0.1 (allowed: 0 or more, below 1)"),
            bad("model.tied_embeddings", "true", "needs a readout (tanh or maxout) with readout_size equal to emb"),
            bad("model.init_scale", "0", "is 0 (allowed: above 0)"),
            bad("training.seed", "abc", "'abc' is not valid (allowed: a whole number)"),
            bad("training.epochs", "0", "is 0 (allowed: 1 or more)"),
            bad("training.max_minutes", "-1", "is -1 (allowed: 0 or more)"),
            bad("training.max_steps", "-1", "is -1 (allowed: 0 or more)"),
            bad("training.batch_size", "0", "is 0 (allowed: 1 or more)"),
            bad("training.accum_steps", "0", "is 0 (allowed: 1 or more)"),
            bad("training.batch_type", "words", "'words' is not allowed (allowed: sentences, tokens)"),
            bad("training.learning_rate", "0", "is 0 (allowed: above 0)"),
            bad("training.adam_beta1", "1", "is 1 (allowed: 0 or more, below 1)"),
            bad("training.adam_beta2", "-0.5", "is -0.5 (allowed: 0 or more, below 1)"),
            bad("training.adam_epsilon", "0", "is 0 (allowed: above 0)"),
            bad("training.clip_norm", "-1", "is -1 (allowed: 0 or more)"),
            bad("training.label_smoothing", "1.5", "is 1.5 (allowed: 0 or more, below 1)"),
            bad(
                    "training.guided_alignment",
                    "0.1",
                    "needs the alignment of the training pairs (allowed: 0, or data.alignment: ibm2 or file)"),
            bad(
                    "data.alignment_file",
                    "train.fa",
                    "goes with data.alignment: file, and only with it (the file to read the alignment from)"),
            bad("training.lr_decay_factor", "2", "is 2 (allowed: above 0, at most 1)"),
            bad("training.lr_patience", "-1", "is -1 (allowed: 0 or more)"),
            bad("training.min_learning_rate", "0.5", "is above training.learning_rate 0.001 (allowed: 0 to 0.001)"),
            bad("training.validate_every", "-100", "is -100 (allowed: 0 or more)"),
            bad("training.validate_minutes", "-2", "is -2 (allowed: 0 or more)"),
            bad("training.patience", "-1", "is -1 (allowed: 0 or more)"),
            bad("training.validation_sentences", "-1", "is -1 (allowed: 0 or more)"),
            bad("training.checkpoint_every", "-500", "is -500 (allowed: 0 or more)"),
            bad("training.keep_last", "-1", "is -1 (allowed: 0 or more)"),
            bad("training.on_non_finite", "ignore", "'ignore' is not allowed (allowed: stop, skip)"),
            bad("testing.beam", "0", "is 0 (allowed: 1 or more)"),
            bad("testing.alpha", "-0.6", "is -0.6 (allowed: 0 or more)"),
            bad("testing.max_output_ratio", "0", "is 0 (allowed: above 0)"),
            bad("testing.batch_size", "0", "is 0 (allowed: 1 or more)"));

    @TempDir
    Path dir;

    private static Arguments bad(String key, String value, String message) {
        return Arguments.of(key, value, key + ": " + message);
    }

    /** For a section key whose bad value is reported under one of its own keys. */
    private static Arguments badAt(String key, String value, String message) {
        return Arguments.of(key, value, message);
    }

    static Stream<Arguments> badValues() {
        return BAD_VALUES.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badValues")
    void everyKeyRefusesABadValueAndNamesIt(String key, String value, String expected) throws IOException {
        Path file = dir.resolve("config.yaml");
        String[] path = key.split("\\.");
        Files.writeString(file, path[0] + ":\n  " + path[1] + ": " + value + "\n");
        NmtException e = assertThrows(NmtException.class, () -> ConfigLoader.load(file, List.of()));
        assertTrue(e.getMessage().startsWith(file + ": " + expected), e.getMessage());
    }

    @Test
    void theTableCoversEveryKeyOfTheConfig() throws IOException {
        JsonNode defaults = new ObjectMapper(new YAMLFactory()).readTree(ConfigLoader.toYaml(new NmtConfig()));
        Set<String> keys = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> sections = defaults.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            section.getValue().fieldNames().forEachRemaining(name -> keys.add(section.getKey() + "." + name));
        }
        Set<String> tested =
                BAD_VALUES.stream().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        keys.removeAll(tested);
        assertEquals(Set.of(), keys, "keys without a bad-value row");
    }

    @Test
    void reportsEveryProblemAtOnceOneALine() throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "model:\n  emb: 0\ntesting:\n  beam: 0\n");
        NmtException e = assertThrows(NmtException.class, () -> ConfigLoader.load(file, List.of()));
        assertEquals(
                List.of(
                        file + ": model.emb: is 0 (allowed: 1 or more)",
                        file + ": testing.beam: is 0 (allowed: 1 or more)"),
                e.getMessage().lines().toList());
    }

    @Test
    void aKeyWrittenTwiceInASectionIsAnError() throws IOException {
        Path file = dir.resolve("twice.yaml");
        Files.writeString(file, "training:\n  epochs: 3\n  seed: 1\n  epochs: 4\n");
        NmtException e = assertThrows(NmtException.class, () -> ConfigLoader.load(file, List.of()));
        assertEquals(
                file + ": training.epochs: written twice, again on line 4 (allowed: each key once in its section)",
                e.getMessage());
    }

    @Test
    void anUnknownKeyListsTheKnownOnes() throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "testing:\n  beams: 4\n");
        NmtException e = assertThrows(NmtException.class, () -> ConfigLoader.load(file, List.of()));
        assertEquals(
                file + ": testing.beams: unknown key (allowed: alpha, batch_size, beam, max_output_ratio)",
                e.getMessage());
    }

    @Test
    void guidedAlignmentTakesANonNegativeWeight() {
        NmtException e = assertThrows(
                NmtException.class,
                () -> ConfigLoader.load(null, List.of("data.alignment=ibm2", "training.guided_alignment=-1")));
        assertEquals("--set: training.guided_alignment: is -1 (allowed: 0 or more)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"extra_train=[{src: gold.en, tgt: gold.fr, repeat: 10}]", "concat={pairs: 3}"})
    void addedTrainingPairsCannotTakeAnAlignmentFileOfDataTrain(String setting) {
        String key = setting.substring(0, setting.indexOf('='));
        NmtException e = assertThrows(
                NmtException.class,
                () -> ConfigLoader.load(
                        null, List.of("data.alignment=file", "data.alignment_file=train.fa", "data." + setting)));
        assertEquals(
                "--set: data." + key + ": cannot be combined with data.alignment: file, whose lines cover data.train "
                        + "only (allowed: data.alignment ibm2 or none with " + key + ")",
                e.getMessage());
    }

    @Test
    void overridesAreCheckedLikeTheFile() {
        NmtException e =
                assertThrows(NmtException.class, () -> ConfigLoader.load(null, List.of("training.batch_type=words")));
        assertEquals("--set: training.batch_type: 'words' is not allowed (allowed: sentences, tokens)", e.getMessage());
    }

    @Test
    void corpusFilesMustExist() throws IOException {
        Files.writeString(dir.resolve("train.de"), "a\n");
        NmtConfig config = new NmtConfig();
        config.data.train = DataConfig.CorpusSpec.of(dir.resolve("train.de"), dir.resolve("train.en"));
        config.data.dev = new DataConfig.CorpusSpec();
        config.data.dev.tsv = dir.resolve("dev.tsv").toString();
        NmtException e = assertThrows(NmtException.class, () -> ConfigCheck.requireCorpusFiles(config.data, "c.yaml"));
        List<String> expected = new ArrayList<>();
        expected.add("c.yaml: data.train.tgt: no such file: " + dir.resolve("train.en")
                + " (allowed: an existing file, relative to the working directory)");
        expected.add("c.yaml: data.dev.tsv: no such file: " + dir.resolve("dev.tsv")
                + " (allowed: an existing file, relative to the working directory)");
        assertEquals(expected, e.getMessage().lines().toList());
    }

    @Test
    void theShippedRecipesAreValid() {
        for (String recipe : List.of("multi30k-de-en", "tatoeba-en-fr", "tatoeba-fr-en")) {
            ConfigLoader.load(Path.of("config", recipe + ".yaml"), List.of());
        }
    }
}
