package dev.strangler.edge.admin;

import dev.strangler.store.AuditEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One flip or weight change as the admin API shows it; {@code at} is ISO-8601 UTC with
 * milliseconds, {@code instance} the edge that took it (null for flips stored before instances
 * were named), {@code action} {@code cutover} or {@code weight}, {@code weight} the percentage of
 * users on the new side before and after ({@code from}/{@code to} are the primaries, new only at
 * 100).
 */
@Serdeable
record AuditEntryView(
    long seq, String at, String route, String from, String to, String reason, String actor, @Nullable String instance,
    String action, Change weight) {

  /** {@code {"from": 20, "to": 50}}. */
  @Serdeable
  record Change(int from, int to) {}

  static AuditEntryView of(AuditEntry e) {
    return new AuditEntryView(e.seq(), AdminTimes.format(e.at()), e.route(), e.from().id(), e.to().id(), e.reason(),
        e.actor(), e.instance(), e.action().id(), new Change(e.fromWeight().toNew(), e.toWeight().toNew()));
  }
}
