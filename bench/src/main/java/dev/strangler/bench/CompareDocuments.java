package dev.strangler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Blog-post-like document pairs for {@link CompareBenchmark}: a post with tags and a comments
 * array grown until the JSON text reaches the target size, and the new side's copy of it.
 */
final class CompareDocuments {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The legacy and new documents as JSON text. */
  record Pair(String legacy, String fresh) {}

  private CompareDocuments() {}

  static Pair pair(int targetBytes, ArrayLayout arrays, boolean differing) {
    Random random = new Random(targetBytes * 31L + arrays.ordinal());
    ObjectNode legacy = post(targetBytes, arrays != ArrayLayout.UNORDERED, random);
    ObjectNode fresh = legacy.deepCopy();
    ArrayNode comments = (ArrayNode) fresh.get("comments");
    if (arrays != ArrayLayout.ORDERED) {
      List<JsonNode> items = new ArrayList<>();
      comments.forEach(items::add);
      Collections.shuffle(items, random);
      comments.removeAll().addAll(items);
    }
    if (differing) {
      ((ObjectNode) comments.get(comments.size() / 2)).put("text", "edited on the new side");
      fresh.put("price", 12.49);
    }
    return new Pair(legacy.toString(), fresh.toString());
  }

  private static ObjectNode post(int targetBytes, boolean withIds, Random random) {
    ObjectNode post = MAPPER.createObjectNode()
        .put("id", 4711)
        .put("slug", "strangling-a-monolith")
        .put("title", "Strangling a monolith, one route at a time")
        .put("price", 12.5)
        .put("published", true);
    post.putObject("author").put("name", "Ada Lovelace").put("id", 1815);
    ArrayNode tags = post.putArray("tags");
    for (String tag : List.of("java", "netty", "migration", "testing")) {
      tags.add(tag);
    }
    ArrayNode comments = post.putArray("comments");
    int base = post.toString().length();
    int bytes = base;
    for (int i = 0; bytes < targetBytes; i++) {
      ObjectNode comment = MAPPER.createObjectNode();
      if (withIds) {
        comment.put("id", 10_000 + i);
      }
      comment.put("author", "reader" + (i % 13))
          .put("text", "Comment number " + (i % 97) + ": " + (random.nextBoolean() ? "agreed" : "not so sure"))
          .put("likes", i % 5)
          .put("score", (i % 11) + 0.5);
      comment.putArray("labels").add("l" + (i % 3)).add("x");
      comments.add(comment);
      bytes += comment.toString().length() + 1;
    }
    return post;
  }
}
