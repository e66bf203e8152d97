package dev.strangler.edge.admin;

import dev.strangler.store.AuditEntry;
import io.micronaut.serde.annotation.Serdeable;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** One flip as the admin API shows it; {@code at} is ISO-8601 UTC with milliseconds. */
@Serdeable
record AuditEntryView(long seq, String at, String route, String from, String to, String reason, String actor) {
  private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

  static AuditEntryView of(AuditEntry e) {
    return new AuditEntryView(
        e.seq(), MILLIS.format(e.at()), e.route(), e.from().id(), e.to().id(), e.reason(), e.actor());
  }
}
