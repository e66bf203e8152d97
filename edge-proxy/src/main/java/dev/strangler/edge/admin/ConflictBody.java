package dev.strangler.edge.admin;

import io.micronaut.serde.annotation.Serdeable;

/** 409 of a cutover whose {@code expect} is not the primary in force: {@code {"error":"conflict",...}}. */
@Serdeable
record ConflictBody(String error, String primary, long seq) {}
