package dev.strangler.demo.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.strangler.demo.blog.CommentDraft;
import dev.strangler.demo.blog.CoreJson;
import dev.strangler.demo.blog.PostCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The blog's HTTP surface, shared by both backends: routing, the JSON API, comment posting and
 * shadow-request handling. Pages are delegated to the backend's {@link Frontend}; every response
 * carries {@code X-Served-By}.
 */
public final class BlogHandler implements HttpHandler {
  /** Header the edge puts on mirrored requests; such requests must not store anything. */
  public static final String SHADOW_HEADER = "X-Shadow-Request";

  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Logger LOG = Logger.getLogger(BlogHandler.class.getName());
  private static final List<String> READ = List.of("GET", "HEAD");
  private static final List<String> WRITE = List.of("POST");

  private final String servedBy;
  private final PostCatalog catalog;
  private final Frontend frontend;

  public BlogHandler(String servedBy, PostCatalog catalog, Frontend frontend) {
    this.servedBy = servedBy;
    this.catalog = catalog;
    this.frontend = frontend;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Reply reply;
      try {
        reply = route(exchange);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "request failed: " + exchange.getRequestURI(), e);
        reply = Reply.error(500, "internal_error", "the server failed to answer this request");
      }
      exchange.getResponseHeaders().set("X-Served-By", servedBy);
      reply.writeTo(exchange);
    }
  }

  private Reply route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    List<String> path = segments(exchange.getRequestURI().getPath());
    int size = path.size();
    if (size == 0) {
      return READ.contains(method)
          ? frontend.home(catalog.posts(), exchange.getRequestHeaders())
          : notAllowed(READ);
    }
    if (size == 2 && path.get(0).equals("posts")) {
      return READ.contains(method) ? postPage(path.get(1), exchange) : notAllowed(READ);
    }
    if (size >= 2 && path.get(0).equals("api") && path.get(1).equals("posts")) {
      if (size == 2) {
        return READ.contains(method)
            ? Reply.json(200, CoreJson.ofAll(catalog.posts()))
            : notAllowed(READ);
      }
      if (size == 3) {
        return READ.contains(method) ? apiPost(path.get(2)) : notAllowed(READ);
      }
      if (size == 4 && path.get(3).equals("comments")) {
        return WRITE.contains(method) ? addComment(path.get(2), exchange) : notAllowed(WRITE);
      }
    }
    String missing = exchange.getRequestURI().getPath();
    return Reply.error(404, "not_found", "no such resource: " + missing);
  }

  private Reply postPage(String slug, HttpExchange exchange) {
    var headers = exchange.getRequestHeaders();
    return catalog
        .post(slug)
        .map(post -> frontend.post(post, headers))
        .orElseGet(() -> frontend.postNotFound(slug, headers));
  }

  private Reply apiPost(String slug) {
    return catalog
        .post(slug)
        .map(post -> Reply.json(200, CoreJson.of(post)))
        .orElseGet(() -> noPost(slug));
  }

  private Reply addComment(String slug, HttpExchange exchange) throws IOException {
    CommentDraft draft;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        return Reply.error(
            413, "too_large", "comment bodies are limited to " + MAX_BODY_BYTES + " bytes");
      }
      draft = CommentDraft.fromJson(parse(body));
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "bad_request", e.getMessage());
    }
    boolean dryRun = "1".equals(exchange.getRequestHeaders().getFirst(SHADOW_HEADER));
    return catalog
        .addComment(slug, draft, dryRun)
        .map(post -> Reply.json(201, CoreJson.of(post))
            .withHeader("Location", "/api/posts/" + slug))
        .orElseGet(() -> noPost(slug));
  }

  private static JsonNode parse(byte[] body) {
    try {
      return CoreJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request body is not valid JSON");
    } catch (IOException e) {
      throw new IllegalArgumentException("request body could not be read");
    }
  }

  /** The 404 JSON for an unknown slug; frontends use it too. */
  public static Reply noPost(String slug) {
    ObjectNode body =
        CoreJson.MAPPER
            .createObjectNode()
            .put("error", "not_found")
            .put("message", "no post '" + slug + "'")
            .put("slug", slug);
    return Reply.json(404, body);
  }

  private static Reply notAllowed(List<String> allowed) {
    String methods = String.join(", ", allowed);
    return Reply.error(405, "method_not_allowed", "allowed: " + methods).withHeader("Allow", methods);
  }

  private static List<String> segments(String path) {
    if (path == null) {
      return List.of();
    }
    return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
  }
}
