package dev.strangler.store;

import dev.strangler.routing.Side;
import java.time.Instant;

/**
 * One cutover flip in the append-only audit log.
 *
 * @param seq      monotonic sequence number, assigned by the store
 * @param at       when the flip was stored
 * @param route    route id
 * @param from     primary before the flip, as the store had it
 * @param to       primary after the flip
 * @param reason   operator's reason
 * @param actor    who flipped (from the admin request)
 * @param instance the edge instance that took the flip; null for flips stored before instances
 *     were named
 */
public record AuditEntry(
    long seq, Instant at, String route, Side from, Side to, String reason, String actor, String instance) {}
