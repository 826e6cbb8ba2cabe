package org.jnmt.data;

/** How subword-nmt trims its input lines: Python's {@code str.strip('\r\n ')}. */
final class SubwordNmtText {

    private SubwordNmtText() {}

    /** The first index not trimmed from the start of {@code line}. */
    static int strippedStart(String line) {
        int start = 0;
        while (start < line.length() && isStripped(line.charAt(start))) {
            start++;
        }
        return start;
    }

    /** The index after the last character not trimmed from the end of {@code line} (at least {@code start}). */
    static int strippedEnd(String line, int start) {
        int end = line.length();
        while (end > start && isStripped(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    static String strip(String line) {
        int start = strippedStart(line);
        return line.substring(start, strippedEnd(line, start));
    }

    private static boolean isStripped(char c) {
        return c == ' ' || c == '\r' || c == '\n';
    }
}
