package dev.strangler.replay.input;

/** One thing read from an input: an exchange, a stored discrepancy record, or a problem. */
public sealed interface Item permits RecordedExchange, StoredRecord, Problem {
  /** Where it was read. */
  Position position();
}
