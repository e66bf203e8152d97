package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Some items of an array, by position: all of them, or the ones sharing a key.
 *
 * @param array     the array
 * @param positions the indices taken, or {@code null} for all
 */
record Items(JsonNode array, int[] positions) {

  static Items all(JsonNode array) {
    return new Items(array, null);
  }

  int size() {
    return positions == null ? array.size() : positions.length;
  }

  /** The k-th item taken. */
  JsonNode get(int k) {
    return array.get(index(k));
  }

  /** The array index of the k-th item taken. */
  int index(int k) {
    return positions == null ? k : positions[k];
  }
}
