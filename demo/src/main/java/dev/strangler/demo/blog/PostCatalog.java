package dev.strangler.demo.blog;

import java.util.List;
import java.util.Optional;

/** The blog's domain operations; each backend implements it over its own storage. */
public interface PostCatalog {

  /** Every post, in {@link Post#NEWEST_FIRST} order. */
  List<Post> posts();

  /** The post with this slug, if any. */
  Optional<Post> post(String slug);

  /**
   * Adds a comment and returns the updated post, or empty for an unknown slug. When {@code dryRun}
   * is set (a mirrored shadow request) the answer is the same but nothing is stored.
   */
  Optional<Post> addComment(String slug, CommentDraft draft, boolean dryRun);
}
