package dev.strangler.demo.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.demo.blog.CoreJson;
import dev.strangler.demo.blog.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds post events into the kv read model: {@code post:{slug}} holds the post's core JSON. Events
 * live in the stream {@code post/{slug}}; an event's {@code at} becomes the post's updatedAt.
 */
final class PostProjector {
  static final String POST_CREATED = "post-created";
  static final String COMMENT_ADDED = "comment-added";
  static final String KEY_PREFIX = "post:";

  private final PersistStore store;

  PostProjector(PersistStore store) {
    this.store = store;
  }

  static String streamOf(String slug) {
    return "post/" + slug;
  }

  static String keyOf(String slug) {
    return KEY_PREFIX + slug;
  }

  /** Updates the read model with one appended event; unknown event types are ignored. */
  void apply(String slug, PersistEvent event) {
    JsonNode data = event.data();
    switch (event.type()) {
      case POST_CREATED -> save(createdPost(data, event));
      case COMMENT_ADDED -> save(
          current(slug)
              .orElseThrow(() -> new IllegalStateException("comment-added for unknown post " + slug))
              .withComment(CoreJson.toComment(data), event.at()));
      default -> { }
    }
  }

  /** The projected post, if it exists. */
  Optional<Post> current(String slug) {
    return store.kvGet(keyOf(slug)).map(CoreJson::toPost);
  }

  /** Every projected post, in no particular order. */
  List<Post> all() {
    List<Post> posts = new ArrayList<>();
    for (String key : store.kvKeys()) {
      if (key.startsWith(KEY_PREFIX)) {
        store.kvGet(key).map(CoreJson::toPost).ifPresent(posts::add);
      }
    }
    return posts;
  }

  private static Post createdPost(JsonNode data, PersistEvent event) {
    List<String> tags = new ArrayList<>();
    data.path("tags").forEach(tag -> tags.add(tag.asText()));
    return new Post(data.path("slug").asText(), data.path("title").asText(),
        data.path("body").asText(), tags, List.of(), event.at());
  }

  private void save(Post post) {
    store.kvPut(keyOf(post.slug()), CoreJson.of(post));
  }
}
