package dev.strangler.routing;

/**
 * How a route's users are split between the sides: the percentage of them served by the new side
 * (0 to 100). 0 and 100 are the plain states a cutover sets (everyone on legacy, everyone on new);
 * anything between is a progressive cutover, where a user is on new iff the bucket of their sticky
 * key ({@link StickyBuckets}) is below {@code toNew * 100}. Raising the weight therefore only moves
 * users from legacy to new.
 *
 * @param toNew percentage of users served by the new side
 */
public record Weight(int toNew) {
  /** Everyone on legacy. */
  public static final Weight LEGACY = new Weight(0);
  /** Everyone on new. */
  public static final Weight NEW = new Weight(100);

  public Weight {
    if (toNew < 0 || toNew > 100) {
      throw new IllegalArgumentException("a weight is 0 to 100, got " + toNew);
    }
  }

  /** The plain state of a side: 0 for legacy, 100 for new. */
  public static Weight of(Side side) {
    return side == Side.NEW ? NEW : LEGACY;
  }

  /** Whether both sides serve users (1 to 99). */
  public boolean partial() {
    return toNew > 0 && toNew < 100;
  }

  /**
   * The route's primary as the admin API names it: new only when it serves every user; a
   * partial weight counts as legacy (the route is not cut over yet).
   */
  public Side primary() {
    return toNew == 100 ? Side.NEW : Side.LEGACY;
  }

  /** The side serving the user in {@code bucket} (0 to {@link StickyBuckets#BUCKETS} - 1). */
  public Side sideOf(int bucket) {
    return bucket < toNew * (StickyBuckets.BUCKETS / 100) ? Side.NEW : Side.LEGACY;
  }

  @Override
  public String toString() {
    return toNew + "% new";
  }
}
