package dev.strangler.replay.input;

import dev.strangler.record.DiscrepancyRecord;

/**
 * A line of a discrepancy JSONL file.
 *
 * @param position where it was read
 * @param record   the record
 */
public record StoredRecord(Position position, DiscrepancyRecord record) implements Item {}
