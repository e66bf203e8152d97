package dev.strangler.demo.web;

import com.sun.net.httpserver.Headers;
import dev.strangler.demo.blog.Post;
import java.util.List;

/** A backend's presentation layer: the pages it renders around the shared domain output. */
public interface Frontend {

  /** {@code GET /}. */
  Reply home(List<Post> posts, Headers request);

  /** {@code GET /posts/{slug}} for a known post. */
  Reply post(Post post, Headers request);

  /** {@code GET /posts/{slug}} for an unknown slug (status 404). */
  Reply postNotFound(String slug, Headers request);
}
