package dev.strangler.edge.admin;

import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /health}: the edge's status and whether its state store answers ("up" or "down"). */
@Serdeable
record HealthView(String status, String store) {}
