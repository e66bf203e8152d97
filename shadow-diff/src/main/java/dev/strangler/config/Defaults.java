package dev.strangler.config;

/** Values that every route inherits unless it sets its own. */
public record Defaults(Timeouts timeouts, ShadowConfig shadow) {}
