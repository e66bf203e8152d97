package dev.strangler.edge.admin;

import dev.strangler.store.AuditEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One flip as the admin API shows it; {@code at} is ISO-8601 UTC with milliseconds, {@code instance}
 * the edge that took it (null for flips stored before instances were named).
 */
@Serdeable
record AuditEntryView(
    long seq, String at, String route, String from, String to, String reason, String actor, @Nullable String instance) {
  static AuditEntryView of(AuditEntry e) {
    return new AuditEntryView(e.seq(), AdminTimes.format(e.at()), e.route(), e.from().id(), e.to().id(), e.reason(),
        e.actor(), e.instance());
  }
}
