package dev.strangler.compare;

import java.util.Locale;

/** What kind of difference a {@link Diff} reports. */
public enum DiffKind {
  /** Same JSON type, different value. */
  CHANGED,
  /** Present on the legacy side, absent on the new side. */
  MISSING,
  /** Present on the new side, absent on the legacy side. */
  UNEXPECTED,
  /** Different JSON types (null counts as a type). */
  TYPE_CHANGED,
  /** Different HTTP status. */
  STATUS;

  private final String id = name().toLowerCase(Locale.ROOT);

  /** The name used in discrepancy records, e.g. {@code type_changed}. */
  public String id() {
    return id;
  }
}
