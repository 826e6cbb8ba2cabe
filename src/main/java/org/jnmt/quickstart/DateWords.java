package org.jnmt.quickstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** English spellings of the numbers in dates: cardinals, ordinals, years, digit tokens. */
final class DateWords {

    private static final String[] ONES = {
        "",
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
    private static final String[] TENS = {
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
    };
    private static final String[] ORDINALS = {
        "",
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
    private static final String[] TENS_ORDINALS = {"", "", "twentieth", "thirtieth"};

    private DateWords() {}

    /** 1..99 as one word: "seven", "nineteen", "forty", "eighty-seven". */
    static String cardinal(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("cardinal out of range: " + n);
        }
        if (n < 20) {
            return ONES[n];
        }
        return n % 10 == 0 ? TENS[n / 10] : TENS[n / 10] + "-" + ONES[n % 10];
    }

    /** 1..31 as one word: "first", "twelfth", "twentieth", "twenty-first". */
    static String ordinal(int n) {
        if (n < 1 || n > 31) {
            throw new IllegalArgumentException("day out of range: " + n);
        }
        if (n < 20) {
            return ORDINALS[n];
        }
        return n % 10 == 0 ? TENS_ORDINALS[n / 10] : TENS[n / 10] + "-" + ORDINALS[n % 10];
    }

    /** "st", "nd", "rd" or "th", as in 1st, 22nd, 13th. */
    static String ordinalSuffix(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /**
     * A year 1900..2099 in words, as people say it, choosing between the usual readings: "nineteen
     * hundred", "nineteen oh five", "nineteen eighty-seven", "two thousand", "two thousand and one",
     * "two thousand one", "twenty twelve", "two thousand twelve".
     */
    static List<String> year(int year, Random random) {
        if (year < 1900 || year > 2099) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int century = year / 100;
        int rest = year % 100;
        List<String> words = new ArrayList<>();
        if (century == 19) {
            words.add("nineteen");
            if (rest == 0) {
                words.add("hundred");
            } else if (rest < 10) {
                words.add("oh");
                words.add(cardinal(rest));
            } else {
                words.add(cardinal(rest));
            }
            return words;
        }
        if (rest >= 10 && random.nextBoolean()) {
            words.add("twenty");
            words.add(cardinal(rest));
            return words;
        }
        words.add("two");
        words.add("thousand");
        if (rest > 0) {
            if (random.nextBoolean()) {
                words.add("and");
            }
            words.add(cardinal(rest));
        }
        return words;
    }

    /** A number as one token per digit: 1987 → "1", "9", "8", "7". */
    static List<String> digits(int n) {
        List<String> tokens = new ArrayList<>();
        for (char c : Integer.toString(n).toCharArray()) {
            tokens.add(String.valueOf(c));
        }
        return tokens;
    }
}
