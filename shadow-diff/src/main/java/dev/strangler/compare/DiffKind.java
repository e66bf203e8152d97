package dev.strangler.compare;

import java.util.Locale;

/** How one value differs between the legacy and the new side. */
public enum DiffKind {
  CHANGED,
  MISSING,
  UNEXPECTED,
  TYPE_CHANGED,
  STATUS;

  /** The name used in records: lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
