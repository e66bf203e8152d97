package dev.strangler.edge.guard;

import dev.strangler.config.RouteConfig;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.edge.routing.RoutingSnapshot;
import dev.strangler.routing.Side;
import dev.strangler.routing.Weight;
import dev.strangler.store.CutoverConflict;
import dev.strangler.store.Flip;
import dev.strangler.store.StateStore;
import dev.strangler.store.StoreException;
import dev.strangler.store.WeightChange;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard's one operation on the routing state: whether new serves users of a route, and
 * putting a route fully back on legacy, fleet-wide, through the same flip or weight change an
 * operator takes ({@link LiveRoutes#cutover}, {@link LiveRoutes#weight}) with actor
 * {@value #ACTOR} and {@code expect} set to the state it saw, so that of
 * several instances seeing the same breach only the first rolls back; the others lose quietly
 * and catch up with the winner's entry at once. Blocking (JDBC): the guard's thread only.
 */
public final class GuardRollback {
  /** The audit actor of a guard rollback. */
  public static final String ACTOR = "guard";
  private static final Logger LOG = LoggerFactory.getLogger(GuardRollback.class);

  /** What became of a rollback. */
  enum Result {
    /** This instance rolled the route back. */
    TAKEN,
    /** Another instance (or an operator) changed the route first. */
    LOST,
    /** The store could not be reached, or the route is gone: nothing changed. */
    FAILED
  }

  private final LiveRoutes routes;
  private final StateStore store;
  private final String instance;

  /** @param instance this edge's name in the fleet, recorded in the audit entry */
  public GuardRollback(LiveRoutes routes, StateStore store, String instance) {
    this.routes = routes;
    this.store = store;
    this.instance = instance;
  }

  /** Whether the new side serves any users of {@code route} in {@code snapshot} (a weight above 0). */
  boolean servesNew(RoutingSnapshot snapshot, RouteConfig route) {
    return snapshot.weightOf(route).toNew() > 0;
  }

  /**
   * Puts {@code route} fully back on legacy, unless something changed it since new served it: a
   * route all on new is flipped (expect new), one under a partial weight set to weight 0 (expect
   * that weight).
   */
  Result roll(String route, String reason) {
    try {
      RoutingSnapshot snapshot = routes.current();
      Weight seen = snapshot.weightOf(snapshot.route(route).orElseThrow(() -> new NoSuchElementException(route)));
      if (seen.toNew() == 0) {
        return Result.LOST;
      } else if (seen.partial()) {
        routes.weight(new WeightChange(route, Weight.LEGACY, seen, reason, ACTOR, instance));
      } else {
        routes.cutover(new Flip(route, Side.LEGACY, Side.NEW, reason, ACTOR, instance));
      }
      LOG.warn("route {} rolled back to legacy from {}: {}", route, seen, reason);
      return Result.TAKEN;
    } catch (CutoverConflict e) {
      LOG.info("route {}: another instance rolled it back first ({}); catching up", route, e.getMessage());
      catchUp(e.seq());
      return Result.LOST;
    } catch (StoreException | NoSuchElementException e) {
      LOG.error("route {}: cannot roll back to legacy ({}): {}", route, reason, e.getMessage());
      return Result.FAILED;
    }
  }

  private void catchUp(long seq) {
    try {
      routes.catchUp(store, seq);
    } catch (StoreException e) {
      LOG.warn("catching up after a lost rollback failed; the audit sync will: {}", e.getMessage());
    }
  }
}
