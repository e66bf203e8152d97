package dev.strangler.edge.rollout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code GET /admin/audit} as the rollout reads it.
 *
 * @param seq      audit sequence number
 * @param route    route id
 * @param actor    who took it ({@code guard} for a rollback)
 * @param instance the edge that took it, or null
 * @param action   {@code cutover} or {@code weight}
 * @param weight   the weight it set (percentage of users on new)
 * @param reason   its reason
 */
record AuditEvent(long seq, String route, String actor, String instance, String action, int weight, String reason) {
  static final String GUARD = "guard";

  static AuditEvent of(JsonNode e) {
    JsonNode instance = e.path("instance");
    return new AuditEvent(e.path("seq").asLong(), e.path("route").asText(), e.path("actor").asText(),
        instance.isTextual() ? instance.asText() : null, e.path("action").asText(),
        e.path("weight").path("to").asInt(), e.path("reason").asText());
  }

  boolean byGuard() {
    return GUARD.equals(actor);
  }

  /** {@code weight change to 0% by guard on edge-a (seq 12): reason}; a cutover is a flip. */
  String describe() {
    return ("cutover".equals(action) ? "flip" : "weight change") + " to " + weight + "% by " + actor
        + (instance == null ? "" : " on " + instance) + " (seq " + seq + "): " + reason;
  }
}
