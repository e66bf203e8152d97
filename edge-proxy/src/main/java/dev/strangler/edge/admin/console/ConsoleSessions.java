package dev.strangler.edge.admin.console;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's login sessions, in memory: a random id in an HttpOnly SameSite=Strict cookie and a
 * random CSRF token the page sends back in {@value #CSRF_HEADER} on every state change. A session
 * ends after {@link #IDLE} without use, {@link #MAX_AGE} after login, or on logout.
 */
@Singleton
public final class ConsoleSessions {
  /** The session cookie's name. */
  public static final String COOKIE = "edge_console";
  /** The header carrying the session's CSRF token. */
  public static final String CSRF_HEADER = "X-CSRF-Token";
  static final Duration IDLE = Duration.ofMinutes(30);
  static final Duration MAX_AGE = Duration.ofHours(8);
  private static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  /** A live session: its CSRF token, when it began and when it was last used. */
  record Session(String id, String csrf, Instant created, Instant lastSeen) {}

  @Inject
  public ConsoleSessions() {
    this(Clock.systemUTC());
  }

  ConsoleSessions(Clock clock) {
    this.clock = clock;
  }

  /** Starts a session (after a successful login), dropping expired ones. */
  Session open() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
    Session s = new Session(randomToken(), randomToken(), now, now);
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session with this id, its idle clock restarted; empty when unknown or expired. */
  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session s = sessions.get(id);
    if (s == null || expired(s, now)) {
      if (s != null) {
        sessions.remove(id, s);
      }
      return Optional.empty();
    }
    Session touched = new Session(s.id(), s.csrf(), s.created(), now);
    sessions.replace(id, s, touched);
    return Optional.of(touched);
  }

  /** The live session named by the request's cookie. */
  Optional<Session> of(HttpRequest<?> request) {
    return find(request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null));
  }

  /** Ends a session. */
  void close(String id) {
    sessions.remove(id);
  }

  /**
   * Whether the request carries a live session and, unless it only reads (GET, HEAD), that
   * session's CSRF token.
   */
  public boolean authorizes(HttpRequest<?> request) {
    Optional<Session> s = of(request);
    if (s.isEmpty()) {
      return false;
    }
    HttpMethod m = request.getMethod();
    return m == HttpMethod.GET || m == HttpMethod.HEAD || csrfMatches(s.get(), request);
  }

  /** Whether the request's {@value #CSRF_HEADER} is the session's (constant-time compare). */
  static boolean csrfMatches(Session s, HttpRequest<?> request) {
    String presented = request.getHeaders().get(CSRF_HEADER);
    return presented != null && MessageDigest.isEqual(
        s.csrf().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean expired(Session s, Instant now) {
    return !now.isBefore(s.lastSeen().plus(IDLE)) || !now.isBefore(s.created().plus(MAX_AGE));
  }

  private String randomToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
