package dev.strangler.edge.admin.console;

import dev.strangler.edge.admin.AdminToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's login, session and logout. Login trades the admin token for a session cookie
 * (HttpOnly, SameSite=Strict) and a CSRF token; failures are rate-limited per address and logged
 * without what was typed. With the session the page reads and flips through the admin API itself.
 */
@Controller("/console/api")
final class ConsoleSessionController {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleSessionController.class);

  private final AdminToken token;
  private final ConsoleSessions sessions;
  private final LoginThrottle throttle;

  ConsoleSessionController(AdminToken token, ConsoleSessions sessions, LoginThrottle throttle) {
    this.token = token;
    this.sessions = sessions;
    this.throttle = throttle;
  }

  /** 200 with the CSRF token and the cookie; 401 on a wrong token; 429 while throttled. */
  @Post("/login")
  HttpResponse<?> login(HttpRequest<?> request, @Nullable @Body LoginRequest body) {
    String address = address(request);
    long wait = throttle.retryAfterSeconds(address);
    if (wait > 0) {
      LOG.warn("console login from {} refused: too many failures, retry in {} s", address, wait);
      return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(wait))
          .body(new ConsoleMessage("Too many failed logins: try again in " + wait + " s."));
    }
    if (body == null || body.token() == null || !token.matches(body.token().strip())) {
      throttle.failed(address);
      LOG.warn("console login from {} failed: wrong token", address);
      return HttpResponse.unauthorized().body(new ConsoleMessage("Wrong token."));
    }
    throttle.succeeded(address);
    ConsoleSessions.Session s = sessions.open();
    LOG.info("console login from {}", address);
    return HttpResponse.ok(new SessionView(s.csrf())).cookie(cookie(s.id(), ConsoleSessions.MAX_AGE));
  }

  /** The CSRF token of the caller's live session (after a reload), null without one. */
  @Get("/session")
  SessionView session(HttpRequest<?> request) {
    return new SessionView(sessions.of(request).map(ConsoleSessions.Session::csrf).orElse(null));
  }

  /** Ends the session (CSRF token required) and clears the cookie. */
  @Post("/logout")
  HttpResponse<?> logout(HttpRequest<?> request) {
    Optional<ConsoleSessions.Session> s = sessions.of(request);
    if (s.isEmpty() || !ConsoleSessions.csrfMatches(s.get(), request)) {
      return HttpResponse.unauthorized().body(new ConsoleMessage("Not logged in."));
    }
    sessions.close(s.get().id());
    return HttpResponse.noContent().cookie(cookie("", Duration.ZERO));
  }

  private static Cookie cookie(String value, Duration maxAge) {
    return Cookie.of(ConsoleSessions.COOKIE, value)
        .httpOnly(true)
        .sameSite(SameSite.Strict)
        .path("/")
        .maxAge(maxAge);
  }

  private static String address(HttpRequest<?> request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
  }
}
