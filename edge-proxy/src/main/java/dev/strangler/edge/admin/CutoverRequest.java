package dev.strangler.edge.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /admin/routes/{id}/cutover}: {@code {"primary":"new","reason":"...",
 * "expect":"legacy"}}; {@code expect} (optional) is the primary the operator believes is in force.
 */
@Serdeable
record CutoverRequest(@Nullable String primary, @Nullable String reason, @Nullable String expect) {}
