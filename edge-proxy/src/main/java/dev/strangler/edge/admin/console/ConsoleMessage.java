package dev.strangler.edge.admin.console;

import io.micronaut.serde.annotation.Serdeable;

/** An error the console shows as is. */
@Serdeable
record ConsoleMessage(String error) {}
