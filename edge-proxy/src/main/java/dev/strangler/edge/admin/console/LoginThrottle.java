package dev.strangler.edge.admin.console;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed console logins per client address: after {@link #MAX_FAILURES} failures within
 * {@link #WINDOW}, further attempts are refused until the window since the first failure ends.
 */
@Singleton
final class LoginThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);

  private record Failures(Instant since, int count) {}

  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final Clock clock;

  @Inject
  LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds until this address may try again; 0 when it may try now. */
  long retryAfterSeconds(String address) {
    Failures f = byAddress.get(address);
    if (f == null || f.count() < MAX_FAILURES) {
      return 0;
    }
    Duration left = Duration.between(clock.instant(), f.since().plus(WINDOW));
    return left.isNegative() || left.isZero() ? 0 : Math.max(1, left.toSeconds());
  }

  /** Counts a failure of this address. */
  void failed(String address) {
    Instant now = clock.instant();
    byAddress.values().removeIf(f -> !now.isBefore(f.since().plus(WINDOW)));
    byAddress.merge(address, new Failures(now, 1), (old, one) -> new Failures(old.since(), old.count() + 1));
  }

  /** Forgets this address's failures (after a successful login). */
  void succeeded(String address) {
    byAddress.remove(address);
  }
}
