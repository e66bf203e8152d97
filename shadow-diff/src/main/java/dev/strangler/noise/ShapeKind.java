package dev.strangler.noise;

import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import java.util.Objects;

/**
 * A (path shape, kind) pair: what fingerprints group by and what noise learning counts.
 *
 * @param shape the path with indexes and keys as {@code [*]} ({@link Diff#shape()})
 * @param kind  the kind of difference
 */
public record ShapeKind(String shape, DiffKind kind) {
  public ShapeKind {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(kind, "kind");
  }

  /** The pair of a diff. */
  public static ShapeKind of(Diff d) {
    return new ShapeKind(d.shape(), d.kind());
  }
}
