package dev.strangler.compare;

/** How the path of an array item is written: by index, or by key for keyed arrays. */
@FunctionalInterface
interface ItemPath {
  ItemPath INDEX = PathStack::pushIndex;

  /** Pushes the step to the item at array index {@code index}. */
  void push(PathStack path, int index);
}
