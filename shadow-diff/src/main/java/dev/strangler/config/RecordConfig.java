package dev.strangler.config;

/**
 * Traffic capture for offline replay.
 *
 * @param sample fraction of exchanges recorded, 0..1
 */
public record RecordConfig(double sample) {}
