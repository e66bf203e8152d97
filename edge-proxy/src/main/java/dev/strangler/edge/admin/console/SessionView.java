package dev.strangler.edge.admin.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What the page learns of its session: the CSRF token to send with state changes; null without one. */
@Serdeable
record SessionView(@Nullable String csrf) {}
