package dev.strangler.edge.admin.console;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * A route's discrepancy groups hour by hour for the console's trend: per fingerprint, the
 * records of each step from {@code first} on (epoch seconds), {@code step} seconds apart.
 */
@Serdeable
record TrendView(String route, long first, long step, Map<String, long[]> groups) {}
