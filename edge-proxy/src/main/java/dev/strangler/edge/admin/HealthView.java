package dev.strangler.edge.admin;

import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /health}. */
@Serdeable
record HealthView(String status) {}
