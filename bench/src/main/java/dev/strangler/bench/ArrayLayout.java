package dev.strangler.bench;

/** How {@link CompareBenchmark}'s comments array is laid out on the new side. */
public enum ArrayLayout {
  /** Same order; compared index by index (strict mode). */
  ORDERED,
  /** Shuffled, and no field of a comment is unique; compared as a multiset. */
  UNORDERED,
  /** Shuffled, each comment with a unique id; matched by id. */
  KEYED
}
