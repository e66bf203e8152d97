package dev.strangler.replay.step;

import dev.strangler.config.RouteConfig;
import dev.strangler.replay.input.Item;

/** Judges one selected input item under its route's rules. Implementations are thread-safe. */
public interface Step {
  /**
   * @param item  an exchange or a stored record
   * @param route the route it belongs to under the current config
   */
  Verdict apply(Item item, RouteConfig route) throws InterruptedException;
}
