package dev.strangler.replay.report;

import dev.strangler.replay.input.Position;

/**
 * An input item that was skipped.
 *
 * @param position where it was read
 * @param route    the route it was counted under
 * @param reason   why it was skipped
 */
public record SkipNote(Position position, String route, String reason) {}
