package dev.strangler.config;

/** JSONAssert's four compare modes: extensibility and array ordering. */
public enum CompareMode {
  STRICT("strict", false, true),
  LENIENT("lenient", true, false),
  NON_EXTENSIBLE("non-extensible", false, false),
  STRICT_ORDER("strict-order", true, true);

  private final String id;
  private final boolean extensible;
  private final boolean strictOrder;

  CompareMode(String id, boolean extensible, boolean strictOrder) {
    this.id = id;
    this.extensible = extensible;
    this.strictOrder = strictOrder;
  }

  /** The name used in routes.yaml. */
  public String id() {
    return id;
  }

  /** Whether the new side may carry fields the legacy side does not. */
  public boolean extensible() {
    return extensible;
  }

  /** Whether array order matters. */
  public boolean strictOrder() {
    return strictOrder;
  }
}
