package dev.strangler.replay.input;

/**
 * Something that kept part of the input from being replayed (a malformed line, a truncated gzip
 * stream, an unknown format, an unreachable side); it makes the run incomplete.
 *
 * @param position where
 * @param reason   what went wrong, for a person
 */
public record Problem(Position position, String reason) implements Item {}
