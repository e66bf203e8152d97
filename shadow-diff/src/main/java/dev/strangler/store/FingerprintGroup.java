package dev.strangler.store;

import dev.strangler.record.DiscrepancyRecord;
import java.time.Instant;

/**
 * All records of one fingerprint: how many there were (stored or sampled out), when, and one
 * stored example (null when none was stored).
 */
public record FingerprintGroup(
    String fingerprint,
    String route,
    String outcome,
    long count,
    Instant firstSeen,
    Instant lastSeen,
    DiscrepancyRecord example) {}
