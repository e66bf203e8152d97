package dev.strangler.edge.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /admin/routes/{id}/cutover}: {@code {"primary":"new","reason":"..."}}. */
@Serdeable
record CutoverRequest(@Nullable String primary, @Nullable String reason) {}
