package dev.strangler.replay.input;

/**
 * What was read from one input file.
 *
 * @param file     the file as named on the command line
 * @param format   its format id, or "unknown"
 * @param items    exchanges and records read
 * @param problems problems found in it
 */
public record InputSummary(String file, String format, long items, long problems) {}
