package dev.strangler.demo.blog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A blog post with its tags and comments: the domain output both backends must agree on. */
public record Post(
    String slug, String title, String body, List<String> tags, List<Comment> comments, Instant updatedAt) {

  /** Listing order shared by both backends: most recently updated first, then by slug. */
  public static final Comparator<Post> NEWEST_FIRST =
      Comparator.comparing(Post::updatedAt).reversed().thenComparing(Post::slug);

  public Post {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(updatedAt, "updatedAt");
    tags = List.copyOf(tags);
    comments = List.copyOf(comments);
  }

  /** The id the next comment on this post gets: {@code c1}, {@code c2}, ... */
  public String nextCommentId() {
    return "c" + (comments.size() + 1);
  }

  /** This post after a reader's comment arrives at {@code at}: the draft gets the next id. */
  public Post withComment(CommentDraft draft, Instant at) {
    return withComment(draft.toComment(nextCommentId()), at);
  }

  /** The most recently added comment (the last one in append order). */
  public Comment lastComment() {
    if (comments.isEmpty()) {
      throw new IllegalStateException("post " + slug + " has no comments");
    }
    return comments.get(comments.size() - 1);
  }

  /** This post with {@code comment} appended and {@code at} as its new update time. */
  public Post withComment(Comment comment, Instant at) {
    List<Comment> more = new ArrayList<>(comments);
    more.add(comment);
    return new Post(slug, title, body, tags, more, at);
  }

  /** This post with its comments newest first (a deliberate domain divergence on the new side). */
  public Post withCommentsReversed() {
    List<Comment> reversed = new ArrayList<>(comments);
    Collections.reverse(reversed);
    return new Post(slug, title, body, tags, reversed, updatedAt);
  }
}
