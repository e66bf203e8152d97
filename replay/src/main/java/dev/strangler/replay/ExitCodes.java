package dev.strangler.replay;

/** The replay CLI's exit codes. */
public final class ExitCodes {
  /** Complete, and every route passed its gate. */
  public static final int OK = 0;
  /** A route's parity is under its --fail-under minimum. */
  public static final int GATE_FAILED = 1;
  /** The run is incomplete (malformed input, truncated gzip, unknown format, unreachable side). */
  public static final int INCOMPLETE = 2;
  /** Bad command line or routes.yaml. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
