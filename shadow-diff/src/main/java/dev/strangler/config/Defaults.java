package dev.strangler.config;

/** Values that every route inherits unless it sets its own. */
public record Defaults(Timeouts timeouts, ShadowConfig shadow) {

  /** The built-in defaults, used where routes.yaml has no {@code defaults} section. */
  public static Defaults standard() {
    return new Defaults(Timeouts.standard(), ShadowConfig.standard());
  }
}
