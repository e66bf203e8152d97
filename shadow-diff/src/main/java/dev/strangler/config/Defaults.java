package dev.strangler.config;

/**
 * Values that every route inherits unless it sets its own.
 *
 * @param guard the rollback guard of every route without a {@code guard:} of its own; null: none
 */
public record Defaults(Timeouts timeouts, ShadowConfig shadow, GuardConfig guard) {

  /** Defaults without a guard. */
  public Defaults(Timeouts timeouts, ShadowConfig shadow) {
    this(timeouts, shadow, null);
  }

  /** The built-in defaults, used where routes.yaml has no {@code defaults} section. */
  public static Defaults standard() {
    return new Defaults(Timeouts.standard(), ShadowConfig.standard());
  }
}
