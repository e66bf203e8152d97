package dev.strangler.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code alerts: {webhook, timeout, queue, max-age}}: webhook an absolute http(s) URL with a
 * host; timeout (5s) per attempt; queue (1000) events waiting at most; max-age (10m) how long an
 * event is retried.
 */
final class AlertsReader {
  static final List<String> KEYS = List.of("webhook", "timeout", "queue", "max-age");

  private AlertsReader() {}

  static AlertsConfig read(Optional<Fields> alerts) throws ConfigException {
    AlertsConfig base = AlertsConfig.none();
    if (alerts.isEmpty()) {
      return base;
    }
    Fields f = alerts.get();
    return new AlertsConfig(
        f.required("webhook", AlertsReader::webhook),
        f.value("timeout", base.timeout(), Durations::parse),
        f.value("queue", base.queue(), Values::positiveInt),
        f.value("max-age", base.maxAge(), Durations::parse));
  }

  static URI webhook(String text) {
    String expected = "expected an http or https URL with a host, like http://hooks.example:8080/edge";
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(expected);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(expected);
    }
    return uri;
  }
}
