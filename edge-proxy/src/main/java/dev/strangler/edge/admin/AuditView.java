package dev.strangler.edge.admin;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code GET /admin/audit}: flips oldest first. */
@Serdeable
record AuditView(List<AuditEntryView> entries) {}
