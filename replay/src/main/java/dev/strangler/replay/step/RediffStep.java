package dev.strangler.replay.step;

import dev.strangler.config.RouteConfig;
import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.input.Item;

/** {@code replay rediff}: captures go to the {@link PairStep}, stored records to the {@link StoredRecordStep}. */
public final class RediffStep implements Step {
  private final PairStep pairs;
  private final StoredRecordStep records;

  public RediffStep(PairStep pairs, StoredRecordStep records) {
    this.pairs = pairs;
    this.records = records;
  }

  @Override
  public Verdict apply(Item item, RouteConfig route) {
    return item instanceof RecordedExchange ? pairs.apply(item, route) : records.apply(item, route);
  }
}
