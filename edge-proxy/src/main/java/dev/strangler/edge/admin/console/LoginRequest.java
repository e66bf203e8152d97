package dev.strangler.edge.admin.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /console/api/login}: the admin token typed into the login form. */
@Serdeable
record LoginRequest(@Nullable String token) {}
