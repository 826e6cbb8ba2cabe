package org.jnmt.spark;

/**
 * What a text-file translation did.
 *
 * @param lines        input lines (each has one output line)
 * @param invalidLines lines that were not valid UTF-8 (translated as empty lines)
 * @param partitions   the partitions (tasks, part files) it was split into
 */
public record TextFileTranslation(long lines, long invalidLines, int partitions) {}
