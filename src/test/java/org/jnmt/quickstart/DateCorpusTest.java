package org.jnmt.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DateCorpusTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameCorpus() {
        assertEquals(DateCorpus.generate(500, 42), DateCorpus.generate(500, 42));
        assertNotEquals(DateCorpus.generate(500, 42), DateCorpus.generate(500, 43));
        // A prefix of a longer corpus is the shorter corpus: sizes can change without reshuffling.
        assertEquals(DateCorpus.generate(100, 42), DateCorpus.generate(500, 42).subList(0, 100));
        assertEquals("1 9 8 7 - 0 3 - 2 1", DateCorpus.isoTokens(LocalDate.of(1987, 3, 21)));
    }

    @Test
    void splitsShareNoDateAndNoSentence() {
        DateCorpus.Splits splits = DateCorpus.splits(3000, 300, 300, 7);
        assertEquals(3000, splits.train().size());
        assertEquals(300, splits.dev().size());
        assertEquals(300, splits.test().size());
        List<DateCorpus.Pair> all = new ArrayList<>(splits.train());
        all.addAll(splits.dev());
        all.addAll(splits.test());
        assertEquals(
                all.size(), all.stream().map(DateCorpus.Pair::target).distinct().count());
        assertEquals(
                all.size(), all.stream().map(DateCorpus.Pair::source).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> DateCorpus.generate(DateCorpus.DATES + 1, 1));
        assertEquals(73049, DateCorpus.DATES);
    }

    @Test
    void everyTargetIsTheIsoDateTheSourceMeans() {
        Set<String> shapes = new HashSet<>();
        for (DateCorpus.Pair pair : DateCorpus.generate(5000, 3)) {
            assertTrue(pair.target().matches("\\d \\d \\d \\d - \\d \\d - \\d \\d"), pair.target());
            LocalDate target = LocalDate.parse(pair.target().replace(" ", ""));
            assertTrue(!target.isBefore(DateCorpus.FIRST) && !target.isAfter(DateCorpus.LAST));
            assertEquals(target, SourceReader.read(pair.source()), pair.source());
            shapes.add(SourceReader.shape(pair.source()));
        }
        assertEquals(7, shapes.size(), "all date styles occur: " + shapes);
    }

    @Test
    void theVocabularyIsSmall() {
        List<DateCorpus.Pair> pairs = DateCorpus.generate(20000, 5);
        Set<String> source = pairs.stream()
                .flatMap(p -> List.of(p.source().split(" ")).stream())
                .collect(Collectors.toSet());
        Set<String> target = pairs.stream()
                .flatMap(p -> List.of(p.target().split(" ")).stream())
                .collect(Collectors.toSet());
        assertTrue(source.size() <= 180, "source vocabulary " + source.size());
        assertEquals(11, target.size());
        assertTrue(pairs.stream().allMatch(p -> p.source().split(" ").length <= 12));
    }

    @Test
    void writesTwoLineAlignedFilesPerSplit() throws IOException {
        DateCorpus.Splits splits = DateCorpus.splits(20, 5, 3, 1);
        DateCorpus.writeSplits(splits, dir.resolve("dates"), "words", "iso");
        List<String> sources = Files.readAllLines(dir.resolve("dates/train.words"));
        List<String> targets = Files.readAllLines(dir.resolve("dates/train.iso"));
        assertEquals(splits.train().stream().map(DateCorpus.Pair::source).toList(), sources);
        assertEquals(splits.train().stream().map(DateCorpus.Pair::target).toList(), targets);
        assertEquals(5, Files.readAllLines(dir.resolve("dates/dev.iso")).size());
        assertEquals(3, Files.readAllLines(dir.resolve("dates/test.words")).size());
    }

    /** Reads an English date back independently of the generator. */
    private static final class SourceReader {

        private static final Map<String, Integer> NUMBER_WORDS = new HashMap<>();

        static {
            String[] small = {
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen"
            };
            String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
            String[] ordinals = {
                "first",
                "second",
                "third",
                "fourth",
                "fifth",
                "sixth",
                "seventh",
                "eighth",
                "ninth",
                "tenth",
                "eleventh",
                "twelfth",
                "thirteenth",
                "fourteenth",
                "fifteenth",
                "sixteenth",
                "seventeenth",
                "eighteenth",
                "nineteenth"
            };
            for (int i = 0; i < small.length; i++) {
                NUMBER_WORDS.put(small[i], i + 1);
                NUMBER_WORDS.put(ordinals[i], i + 1);
            }
            for (int i = 0; i < tens.length; i++) {
                NUMBER_WORDS.put(tens[i], 20 + 10 * i);
                NUMBER_WORDS.put(tens[i].replace("y", "ieth"), 20 + 10 * i);
                for (int j = 0; j < 9; j++) {
                    NUMBER_WORDS.put(tens[i] + "-" + small[j], 21 + 10 * i + j);
                    NUMBER_WORDS.put(tens[i] + "-" + ordinals[j], 21 + 10 * i + j);
                }
            }
        }

        static LocalDate read(String source) {
            List<String> tokens = List.of(source.split(" "));
            Month month = null;
            DayOfWeek weekday = null;
            List<Integer> numbers = new ArrayList<>();
            StringBuilder digits = new StringBuilder();
            List<String> words = new ArrayList<>();
            for (String token : tokens) {
                if (token.matches("\\d")) {
                    digits.append(token);
                    continue;
                }
                if (!digits.isEmpty()) {
                    numbers.add(Integer.parseInt(digits.toString()));
                    digits.setLength(0);
                }
                String upper = token.toUpperCase(Locale.ROOT);
                if (Set.of(Month.values()).stream().anyMatch(m -> m.name().equals(upper))) {
                    month = Month.valueOf(upper);
                } else if (Set.of(DayOfWeek.values()).stream()
                        .anyMatch(d -> d.name().equals(upper))) {
                    weekday = DayOfWeek.valueOf(upper);
                } else if (NUMBER_WORDS.containsKey(token)
                        || Set.of("hundred", "thousand", "oh", "and").contains(token)) {
                    words.add(token);
                } else if (!words.isEmpty()) {
                    numbers.add(wordsToNumber(words));
                    words.clear();
                }
            }
            if (!digits.isEmpty()) {
                numbers.add(Integer.parseInt(digits.toString()));
            }
            if (!words.isEmpty()) {
                // "the twenty-first of March nineteen eighty-seven": the day word stands alone before "of".
                numbers.add(wordsToNumber(words));
            }
            assertEquals(2, numbers.size(), "a day and a year in " + source + ": " + numbers);
            LocalDate date = LocalDate.of(numbers.get(1), month, numbers.get(0));
            if (weekday != null) {
                assertEquals(date.getDayOfWeek(), weekday, source);
            }
            return date;
        }

        /** "nineteen eighty-seven", "two thousand and five", "twenty twelve", "nineteen oh two", "twenty-first". */
        private static int wordsToNumber(List<String> words) {
            if (words.size() == 1) {
                return NUMBER_WORDS.get(words.get(0));
            }
            if (words.get(0).equals("two") && words.get(1).equals("thousand")) {
                return 2000 + (words.size() > 2 ? NUMBER_WORDS.get(words.get(words.size() - 1)) : 0);
            }
            int century = NUMBER_WORDS.get(words.get(0));
            String last = words.get(words.size() - 1);
            return century * 100 + (last.equals("hundred") ? 0 : NUMBER_WORDS.get(last));
        }

        /** The style of a source: its tokens with digits and number words replaced by placeholders. */
        static String shape(String source) {
            return source.replaceAll("\\d( \\d)*", "D")
                    .replaceAll(" (st|nd|rd|th)\\b", "")
                    .replaceAll("[A-Z][a-z]+day", "WEEKDAY")
                    .replaceAll(
                            "(January|February|March|April|May|June|July|August|September|October|November|December)",
                            "MONTH")
                    .replaceAll("[a-z-]+", "w")
                    .replaceAll("w( w)+", "w");
        }
    }
}
