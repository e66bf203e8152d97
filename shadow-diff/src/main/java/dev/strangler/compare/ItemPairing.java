package dev.strangler.compare;

import dev.strangler.json.Tape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two arrays (or two same-key groups of a keyed array) as multisets, in near-linear
 * time. Items are paired in passes, each pairing confirmed by a full comparison:
 *
 * <ol>
 *   <li>by position, counting added fields, until a run of misses shows a shuffle: the common
 *       case of an unchanged order costs one walk;
 *   <li>by identical bytes (a byte hash and one byte comparison): a shuffled order of unchanged
 *       items costs no walk;
 *   <li>by structural hash ({@link NodeHash}), counting added fields: a shuffled order costs one
 *       hash of each item and a table lookup;
 *   <li>in an extensible mode only, by the hash of each new item cut down to the fields of a
 *       legacy item (for up to {@value #TEMPLATES} distinct legacy item shapes), so that new items
 *       with added fields still pair;
 *   <li>first fit among what is left, as JSONAssert does, within the walk's trial budget.
 * </ol>
 *
 * <p>Arrays of at most {@value #FEW} items on both sides try pairs directly instead of building
 * hash tables: for a handful of items that is cheaper, and pairs the same way.
 *
 * <p>Exact pairings go first because they can never take a partner another item needed. Items
 * still unpaired are then diffed against a counterpart, chosen by a field with unique values
 * (such as {@code id}) or else in order ({@link Counterparts}), so one changed item of a shuffled array reads as
 * {@code $.a[3].text changed} rather than a missing plus an unexpected item; the rest are missing
 * or unexpected. Under a numeric tolerance, items whose numbers differ hash alike,
 * so pairing them falls to the bounded trials of passes 3 and 4; beyond the budget such items
 * are paired in order, which may report diffs a perfect pairing would avoid.
 */
final class ItemPairing {
  /** Distinct legacy item shapes tried in pass 4. */
  static final int TEMPLATES = 4;
  /** Consecutive position mismatches after which pass 1 stops. */
  static final int POSITION_MISSES = 8;
  /** Candidates with an equal hash tried per item in passes 3 and 4. */
  static final int TRIES = 8;
  /**
   * Arrays of at most this many items on both sides skip pass 1 and the hash tables: passes 2
   * and 3 try every open pair directly (each at equal positions first, so an unchanged order still
   * pairs in one walk per item), and pass 4 is left to first fit (pass 5).
   */
  static final int FEW = 8;

  private final Walk walk;
  private final RuleState item;
  private final Items legacy;
  private final Items fresh;
  private final int[] partner;
  private final boolean[] taken;
  private int openLegacy;
  private int openFresh;

  private ItemPairing(Walk walk, RuleState item, Items legacy, Items fresh) {
    this.walk = walk;
    this.item = item;
    this.legacy = legacy;
    this.fresh = fresh;
    this.partner = new int[legacy.size()];
    this.taken = new boolean[fresh.size()];
    this.openLegacy = legacy.size();
    this.openFresh = fresh.size();
    Arrays.fill(partner, -1);
  }

  /** Compares the items, reporting diffs (or failing the probe) through {@code walk}. */
  static void compare(Walk walk, RuleState item, Items legacy, Items fresh, ItemPath path) {
    if (walk.probing() && legacy.size() != fresh.size()) {
      walk.fail();
      return;
    }
    ItemPairing pairing = new ItemPairing(walk, item, legacy, fresh);
    if (legacy.size() <= FEW && fresh.size() <= FEW) {
      pairing.fewDirectly();
    } else {
      pairing.manyByHash();
    }
    if (pairing.open() && !pairing.lastPairIsItsOwnReport()) {
      pairing.firstFit();
    }
    pairing.report(path);
  }

  /** Passes 2 and 3 for a few items, by direct trials. */
  private void fewDirectly() {
    if (open()) {
      bySameBytes();
    }
    if (open() && !lastPairIsItsOwnReport()) {
      exactly();
    }
  }

  /** Passes 1 to 4 through hash tables, near-linear for many items. */
  private void manyByHash() {
    byPosition();
    if (open()) {
      byBytes();
    }
    if (open() && !lastPairIsItsOwnReport()) {
      byHash();
    }
    if (open() && walk.extensible() && !lastPairIsItsOwnReport()) {
      byProjection();
    }
  }

  /**
   * Whether one item is left on each side outside a probe: every later pass would try just that
   * pair, and the report diffs it anyway (a match reports nothing), so one walk does for all.
   */
  private boolean lastPairIsItsOwnReport() {
    return !walk.probing() && openLegacy == 1 && openFresh == 1;
  }

  private boolean open() {
    return openLegacy > 0 && openFresh > 0;
  }

  private void pair(int k, int q) {
    partner[k] = q;
    taken[q] = true;
    openLegacy--;
    openFresh--;
  }

  /** Pairs items at equal positions; gives up after {@value #POSITION_MISSES} misses in a row (a shuffle). */
  private void byPosition() {
    int common = Math.min(legacy.size(), fresh.size());
    int misses = 0;
    for (int k = 0; k < common && misses < POSITION_MISSES; k++) {
      if (walk.matches(item, legacy.get(k), fresh.get(k), true)) {
        pair(k, k);
        misses = 0;
      } else {
        misses++;
      }
    }
  }

  /** Pairs items with identical bytes, which match under every rule: a byte hash and a byte comparison each. */
  private void byBytes() {
    ByteTwins twins = new ByteTwins(fresh, taken);
    for (int k = 0; k < partner.length && openFresh > 0; k++) {
      if (partner[k] < 0) {
        int q = twins.take(legacy.tape(), legacy.get(k));
        if (q >= 0) {
          pair(k, q);
        }
      }
    }
  }

  /** Pass 2 for a few items: open pairs with identical bytes, most told apart by a sample of their bytes. */
  private void bySameBytes() {
    directly(IdenticalItems.samples(legacy), IdenticalItems.samples(fresh));
  }

  /** Pass 3 for a few items: open pairs that match counting added fields, within the trial budget. */
  private void exactly() {
    directly(null, null);
  }

  /**
   * Pairs open items that pass {@link #pairs}: first at equal positions, then each legacy item
   * with the first new one (an equal position that failed is not tried again: both items were
   * open).
   */
  private void directly(long[] legacySamples, long[] freshSamples) {
    for (int k = 0; k < partner.length && k < taken.length; k++) {
      if (partner[k] < 0 && !taken[k] && pairs(legacySamples, freshSamples, k, k)) {
        pair(k, k);
      }
    }
    for (int k = 0; k < partner.length && openFresh > 0; k++) {
      for (int q = 0; partner[k] < 0 && q < taken.length; q++) {
        if (q != k && !taken[q] && pairs(legacySamples, freshSamples, k, q)) {
          pair(k, q);
        }
      }
    }
  }

  /**
   * Whether legacy item {@code k} and new item {@code q} pair: with their byte samples given,
   * when their bytes are identical; else when they match counting added fields, within the budget.
   */
  private boolean pairs(long[] legacySamples, long[] freshSamples, int k, int q) {
    if (legacySamples != null) {
      return IdenticalItems.twins(legacy, legacySamples, k, fresh, freshSamples, q);
    }
    return walk.hasBudget() && trial(legacy.get(k), q, true);
  }

  private void byHash() {
    NodeHash hashes = walk.hashes();
    long[] freshHashes = new long[fresh.size()];
    for (int q = 0; q < freshHashes.length; q++) {
      freshHashes[q] = taken[q] ? NodeHash.NO_HASH : hashes.exact(item, fresh.tape(), fresh.get(q));
    }
    HashBuckets buckets = new HashBuckets(freshHashes);
    for (int k = 0; k < partner.length && openFresh > 0; k++) {
      if (partner[k] < 0) {
        take(buckets, k, hashes.exact(item, legacy.tape(), legacy.get(k)), true);
      }
    }
  }

  private void byProjection() {
    NodeHash hashes = walk.hashes();
    Map<Long, List<Integer>> shapes = new LinkedHashMap<>();
    Tape a = legacy.tape();
    Tape b = fresh.tape();
    for (int k = 0; k < partner.length; k++) {
      if (partner[k] < 0 && a.kind(legacy.get(k)) == Tape.OBJECT) {
        long shape = hashes.shape(item, a, legacy.get(k));
        if (shapes.containsKey(shape) || shapes.size() < TEMPLATES) {
          shapes.computeIfAbsent(shape, s -> new ArrayList<>()).add(k);
        }
      }
    }
    for (List<Integer> group : shapes.values()) {
      int template = legacy.get(group.get(0));
      long[] freshHashes = new long[fresh.size()];
      for (int q = 0; q < freshHashes.length; q++) {
        int value = fresh.get(q);
        freshHashes[q] = taken[q] || b.kind(value) != Tape.OBJECT
            ? NodeHash.NO_HASH
            : hashes.projected(item, b, value, a, template);
      }
      HashBuckets buckets = new HashBuckets(freshHashes);
      for (int k : group) {
        long hash = hashes.projected(item, a, legacy.get(k), a, template);
        if (hash != NodeHash.NO_HASH && openFresh > 0) {
          take(buckets, k, hash, false);
        }
      }
    }
  }

  private void take(HashBuckets buckets, int k, long hash, boolean exactly) {
    int value = legacy.get(k);
    int q = buckets.take(hash, walk.hasBudget() ? TRIES : 1, c -> trial(value, c, exactly));
    if (q >= 0) {
      pair(k, q);
    }
  }

  /** Whether legacy value {@code value} matches new item {@code q}; a failed trial spends budget. */
  private boolean trial(int value, int q, boolean exactly) {
    if (walk.matches(item, value, fresh.get(q), exactly)) {
      return true;
    }
    walk.spend();
    return false;
  }

  /** First fit over a linked list of the free new items, so that taken ones cost nothing to skip. */
  private void firstFit() {
    int[] nextFree = new int[taken.length + 1];
    int last = taken.length;
    for (int q = taken.length - 1; q >= 0; q--) {
      if (!taken[q]) {
        nextFree[q] = last;
        last = q;
      }
    }
    nextFree[taken.length] = last;
    for (int k = 0; k < partner.length && openFresh > 0; k++) {
      if (partner[k] >= 0) {
        continue;
      }
      for (int before = taken.length, q = nextFree[before]; q < taken.length; before = q, q = nextFree[q]) {
        if (!walk.spend()) {
          return;
        }
        if (walk.matches(item, legacy.get(k), fresh.get(q), false)) {
          pair(k, q);
          nextFree[before] = nextFree[q];
          break;
        }
      }
    }
  }

  private void report(ItemPath path) {
    if (walk.probing()) {
      if (openLegacy > 0 || openFresh > 0) {
        walk.fail();
      }
      return;
    }
    int[] counterpart = Counterparts.choose(item, legacy, fresh, partner, taken,
        openLegacy > 0 && openFresh > 0 && openLegacy + openFresh > 2);
    PathStack stack = walk.path();
    for (int k = 0; k < partner.length; k++) {
      if (partner[k] >= 0) {
        continue;
      }
      path.push(stack, legacy.index(k));
      if (counterpart[k] >= 0) {
        walk.node(item, legacy.get(k), fresh.get(counterpart[k]));
      } else {
        walk.report(DiffKind.MISSING, legacy.get(k), -1);
      }
      stack.pop();
    }
    for (int q = 0; q < taken.length; q++) {
      if (!taken[q]) {
        path.push(stack, fresh.index(q));
        walk.report(DiffKind.UNEXPECTED, -1, fresh.get(q));
        stack.pop();
      }
    }
  }
}
