package dev.strangler.edge.fleet;

import java.time.Duration;

/** The fleet contract's bounds on PostgreSQL, which announces flips (LISTEN/NOTIFY) and can go away. */
abstract class PostgresFleetContract extends FleetContract {

  @Override
  protected Duration bound() {
    return Duration.ofSeconds(1);
  }

  /** Announced flips do not wait for the 500 ms poll. */
  @Override
  protected Duration medianBound() {
    return Duration.ofMillis(150);
  }

  @Override
  protected boolean storeCanGoAway() {
    return true;
  }
}
