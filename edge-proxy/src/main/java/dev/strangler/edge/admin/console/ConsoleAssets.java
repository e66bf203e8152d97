package dev.strangler.edge.admin.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's page and assets (its own from {@code classpath:console/}, the uPlot chart library
 * from its WebJar), read once and served by the
 * edge itself under a policy that lets the page load and call nothing from another origin.
 */
@Controller
final class ConsoleAssets {
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/";
  private static final Map<String, MediaType> TYPES = Map.of(
      "console.js", MediaType.of("text/javascript;charset=utf-8"),
      "console.css", MediaType.of("text/css;charset=utf-8"),
      "favicon.svg", MediaType.of("image/svg+xml"),
      "uplot.js", MediaType.of("text/javascript;charset=utf-8"),
      "uplot.css", MediaType.of("text/css;charset=utf-8"),
      "uplot-LICENSE.txt", MediaType.of("text/plain;charset=utf-8"));

  private final byte[] page = read("/console/index.html");
  private final Map<String, byte[]> assets = Map.of(
      "console.js", read("/console/console.js"),
      "console.css", read("/console/console.css"),
      "favicon.svg", read("/console/favicon.svg"),
      "uplot.js", read(UPLOT + "dist/uPlot.iife.min.js"),
      "uplot.css", read(UPLOT + "dist/uPlot.min.css"),
      "uplot-LICENSE.txt", read(UPLOT + "LICENSE"));

  /** The console's single page (it holds no data: everything comes from calls under a session). */
  @Get
  HttpResponse<byte[]> page() {
    return serve(page, MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
  }

  /** A script or stylesheet of the page; 404 for anything else. */
  @Get("/console/{name}")
  HttpResponse<byte[]> asset(String name) {
    byte[] body = assets.get(name);
    return body == null ? HttpResponse.notFound() : serve(body, TYPES.get(name).toString());
  }

  private static HttpResponse<byte[]> serve(byte[] body, String type) {
    return HttpResponse.ok(body)
        .contentType(type)
        .header("Content-Security-Policy", POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-cache");
  }

  private static byte[] read(String name) {
    try (InputStream in = ConsoleAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("console asset missing from the classpath: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
