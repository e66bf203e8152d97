package dev.strangler.edge.admin;

import io.micronaut.serde.annotation.Serdeable;

/** Every admin error response: {@code {"error": "..."}}. */
@Serdeable
record ErrorBody(String error) {}
