package dev.strangler.replay.report;

import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.replay.input.Position;

/**
 * A record with the position of the input it came from.
 *
 * @param position where the exchange or stored record was read
 * @param record   its record
 */
public record Located(Position position, DiscrepancyRecord record) {}
