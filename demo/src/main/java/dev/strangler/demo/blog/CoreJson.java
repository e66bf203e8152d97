package dev.strangler.demo.blog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The core JSON of a post, identical on both backends:
 * {@code {"slug","title","body","tags":[...],"comments":[{"id","author","text"}],"updatedAt":"ISO"}}.
 */
public final class CoreJson {
  /** The shared mapper; thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private CoreJson() {}

  /** The core JSON of one post. */
  public static ObjectNode of(Post post) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("slug", post.slug());
    node.put("title", post.title());
    node.put("body", post.body());
    ArrayNode tags = node.putArray("tags");
    post.tags().forEach(tags::add);
    ArrayNode comments = node.putArray("comments");
    post.comments().forEach(comment -> comments.add(of(comment)));
    node.put("updatedAt", post.updatedAt().toString());
    return node;
  }

  /** The core JSON of one comment. */
  public static ObjectNode of(Comment comment) {
    return MAPPER.createObjectNode()
        .put("id", comment.id())
        .put("author", comment.author())
        .put("text", comment.text());
  }

  /** A JSON array of post cores, in the given order. */
  public static ArrayNode ofAll(List<Post> posts) {
    ArrayNode array = MAPPER.createArrayNode();
    posts.forEach(post -> array.add(of(post)));
    return array;
  }

  /** Reads a post back from its core JSON. */
  public static Post toPost(JsonNode node) {
    List<String> tags = new ArrayList<>();
    node.path("tags").forEach(tag -> tags.add(tag.asText()));
    List<Comment> comments = new ArrayList<>();
    node.path("comments").forEach(comment -> comments.add(toComment(comment)));
    return new Post(
        node.path("slug").asText(),
        node.path("title").asText(),
        node.path("body").asText(),
        tags,
        comments,
        Instant.parse(node.path("updatedAt").asText()));
  }

  /** Reads a comment back from its core JSON. */
  public static Comment toComment(JsonNode node) {
    return new Comment(
        node.path("id").asText(), node.path("author").asText(), node.path("text").asText());
  }
}
