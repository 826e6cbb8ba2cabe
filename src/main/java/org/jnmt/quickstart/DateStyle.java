package org.jnmt.quickstart;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The ways the synthetic corpus writes a date, as tokens (digits one token each, punctuation
 * split off). All of them put the year last, so translating to ISO order (year, month, day) needs
 * reordering, and the month name must become its number.
 */
enum DateStyle {

    /** the twenty-first of March nineteen eighty-seven */
    WORDS {
        @Override
        List<String> tokens(LocalDate date, Random random) {
            List<String> tokens =
                    new ArrayList<>(List.of("the", DateWords.ordinal(date.getDayOfMonth()), "of", month(date)));
            tokens.addAll(DateWords.year(date.getYear(), random));
            return tokens;
        }
    },
    /** March 21st , 1987 (or March 21 , 1987) */
    AMERICAN {
        @Override
        List<String> tokens(LocalDate date, Random random) {
            List<String> tokens = new ArrayList<>(List.of(month(date)));
            tokens.addAll(day(date, random));
            tokens.add(",");
            tokens.addAll(DateWords.digits(date.getYear()));
            return tokens;
        }
    },
    /** 21 March 1987 */
    BRITISH {
        @Override
        List<String> tokens(LocalDate date, Random random) {
            List<String> tokens = new ArrayList<>(DateWords.digits(date.getDayOfMonth()));
            tokens.add(month(date));
            tokens.addAll(DateWords.digits(date.getYear()));
            return tokens;
        }
    },
    /** Saturday , 21 March 1987 */
    WEEKDAY {
        @Override
        List<String> tokens(LocalDate date, Random random) {
            List<String> tokens = new ArrayList<>(List.of(weekday(date), ","));
            tokens.addAll(BRITISH.tokens(date, random));
            return tokens;
        }
    },
    /** Saturday , March 21st , 1987 */
    WEEKDAY_AMERICAN {
        @Override
        List<String> tokens(LocalDate date, Random random) {
            List<String> tokens = new ArrayList<>(List.of(weekday(date), ","));
            tokens.addAll(AMERICAN.tokens(date, random));
            return tokens;
        }
    },
    /** the 21st of March , 1987 */
    ORDINAL_OF {
        @Override
        List<String> tokens(LocalDate date, Random random) {
            List<String> tokens = new ArrayList<>(List.of("the"));
            tokens.addAll(DateWords.digits(date.getDayOfMonth()));
            tokens.add(DateWords.ordinalSuffix(date.getDayOfMonth()));
            tokens.add("of");
            tokens.add(month(date));
            tokens.add(",");
            tokens.addAll(DateWords.digits(date.getYear()));
            return tokens;
        }
    },
    /** March the twenty-first , nineteen eighty-seven */
    MONTH_THE_WORDS {
        @Override
        List<String> tokens(LocalDate date, Random random) {
            List<String> tokens =
                    new ArrayList<>(List.of(month(date), "the", DateWords.ordinal(date.getDayOfMonth()), ","));
            tokens.addAll(DateWords.year(date.getYear(), random));
            return tokens;
        }
    };

    abstract List<String> tokens(LocalDate date, Random random);

    private static String month(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** The day in digits, with its ordinal suffix half of the time: "2 1 st" or "2 1". */
    private static List<String> day(LocalDate date, Random random) {
        List<String> tokens = DateWords.digits(date.getDayOfMonth());
        if (random.nextBoolean()) {
            tokens.add(DateWords.ordinalSuffix(date.getDayOfMonth()));
        }
        return tokens;
    }
}
