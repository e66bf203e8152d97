package dev.strangler.edge.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Session expiry (idle and absolute) and the login throttle's window, on a hand-moved clock. */
class ConsoleSessionsTest {
  private Instant now = Instant.parse("2026-12-06T12:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  void sessionsEndWhenIdleOrTooOldOrClosed() {
    ConsoleSessions sessions = new ConsoleSessions(clock);
    ConsoleSessions.Session s = sessions.open();
    assertThat(s.id()).isNotEqualTo(s.csrf()).hasSizeGreaterThan(40);
    now = now.plus(ConsoleSessions.IDLE.minusSeconds(1));
    assertThat(sessions.find(s.id())).isPresent();
    now = now.plus(ConsoleSessions.IDLE);
    assertThat(sessions.find(s.id())).isEmpty();

    ConsoleSessions.Session busy = sessions.open();
    Instant end = now.plus(ConsoleSessions.MAX_AGE);
    while (now.isBefore(end.minus(ConsoleSessions.IDLE))) {
      now = now.plus(ConsoleSessions.IDLE.minusMinutes(1));
      assertThat(sessions.find(busy.id())).isPresent();
    }
    now = end;
    assertThat(sessions.find(busy.id())).isEmpty();

    ConsoleSessions.Session closed = sessions.open();
    sessions.close(closed.id());
    assertThat(sessions.find(closed.id())).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void theThrottleCountsFailuresPerAddressWithinItsWindow() {
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(throttle.retryAfterSeconds("10.0.0.1")).isZero();
      throttle.failed("10.0.0.1");
    }
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isEqualTo(LoginThrottle.WINDOW.toSeconds());
    assertThat(throttle.retryAfterSeconds("10.0.0.2")).isZero();
    now = now.plus(LoginThrottle.WINDOW);
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isZero();
    throttle.failed("10.0.0.1");
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isZero();
    throttle.succeeded("10.0.0.1");
  }
}
