package dev.strangler.edge.admin;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /health} and {@code GET /health/ready}: the edge's status (up while the process
 * answers), whether its state store answers ("up" or "down") and its stage ("starting",
 * "serving" or "draining").
 */
@Serdeable
record HealthView(String status, String store, String state) {}
