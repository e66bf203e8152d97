package dev.strangler.edge.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code GET /admin/routes}: the effective table in match order, and the error of the last
 * refused routes.yaml reload ({@code file:line:col: ...}) while the running table stays.
 */
@Serdeable
record RoutesView(List<RouteView> routes, @JsonProperty("config_error") @Nullable String configError) {}
