package dev.strangler.edge.admin;

import dev.strangler.store.CutoverConflict;
import io.micronaut.serde.annotation.Serdeable;

/**
 * 409 of a cutover or weight change whose {@code expect} is not the state in force:
 * {@code {"error":"conflict","primary":"legacy","seq":12,"weight":{"new":20}}}.
 */
@Serdeable
record ConflictBody(String error, String primary, long seq, RouteView.WeightView weight) {
  static ConflictBody of(CutoverConflict e) {
    return new ConflictBody("conflict", e.primary().id(), e.seq(), RouteView.WeightView.of(e.weight()));
  }
}
