package dev.strangler.rewrite;

/** The header operations a {@link RequestRewrite} applies, over whatever holds a request's headers. */
public interface HeaderEdits {
  /** Replaces every value of {@code name} (any case) with {@code value}. */
  void set(String name, String value);

  /** Removes every value of {@code name} (any case). */
  void remove(String name);
}
