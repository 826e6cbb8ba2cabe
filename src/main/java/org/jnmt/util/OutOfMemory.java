package org.jnmt.util;

import java.util.Locale;

/**
 * Turns an {@link OutOfMemoryError} into one sentence that names the launcher setting to raise:
 * NMT_HEAP for the Java heap, NMT_OFFHEAP for ND4J's arrays, which live outside the heap in
 * JavaCPP memory (its errors say "totalBytes"), NMT_PHYSICAL for the whole process's resident
 * memory, which JavaCPP also limits ("physicalBytes").
 */
public final class OutOfMemory {

    private OutOfMemory() {}

    public static String advice(OutOfMemoryError e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        boolean offHeap = message.contains("physicalBytes")
                || message.contains("totalBytes")
                || message.contains("Cannot allocate");
        if (message.contains("physicalBytes")) {
            return String.format(
                    Locale.ROOT,
                    "out of memory: the process reached its physical limit of %s: raise "
                            + "NMT_PHYSICAL (e.g. NMT_PHYSICAL=%s ./nmt ...), or lower the batch size; see README, \"Memory\".",
                    mebibytes("org.bytedeco.javacpp.maxphysicalbytes"),
                    suggestion("org.bytedeco.javacpp.maxphysicalbytes"));
        }
        if (offHeap) {
            return String.format(
                    Locale.ROOT,
                    "out of memory for ND4J's arrays (off-heap limit %s): raise NMT_OFFHEAP "
                            + "(e.g. NMT_OFFHEAP=%s ./nmt ...), or lower the batch size; see README, \"Memory\".",
                    mebibytes("org.bytedeco.javacpp.maxbytes"),
                    suggestion("org.bytedeco.javacpp.maxbytes"));
        }
        long heap = Runtime.getRuntime().maxMemory() >> 20;
        return String.format(
                Locale.ROOT,
                "out of Java heap memory (limit %d MiB): raise NMT_HEAP (e.g. NMT_HEAP=%dm "
                        + "./nmt ...); see README, \"Memory\".",
                heap,
                Math.max(512, 2 * heap));
    }

    private static String mebibytes(String property) {
        long bytes = bytes(property);
        return bytes <= 0 ? "unset" : (bytes >> 20) + " MiB";
    }

    /** Twice the current limit, in the launcher's notation. */
    private static String suggestion(String property) {
        long bytes = bytes(property);
        return bytes <= 0 ? "2g" : (2 * (bytes >> 20)) + "m";
    }

    private static long bytes(String property) {
        String value = System.getProperty(property, "");
        if (value.isEmpty()) {
            return -1;
        }
        long unit = switch (Character.toLowerCase(value.charAt(value.length() - 1))) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1;
        };
        String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
        try {
            return Long.parseLong(digits.trim()) * unit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
