package dev.strangler.replay.input;

/** Takes the items of an input in order. */
@FunctionalInterface
public interface ItemSink {
  /** Takes one item; returns false to stop reading. */
  boolean accept(Item item);
}
