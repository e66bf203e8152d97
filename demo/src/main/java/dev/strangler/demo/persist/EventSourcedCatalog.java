package dev.strangler.demo.persist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.demo.blog.Comment;
import dev.strangler.demo.blog.CommentDraft;
import dev.strangler.demo.blog.CoreJson;
import dev.strangler.demo.blog.Post;
import dev.strangler.demo.blog.PostCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The new host's posts: writes append events (seq = last-seq + 1) and project them into the kv read
 * model in the same transaction; reads come from the read model.
 */
final class EventSourcedCatalog implements PostCatalog {
  private final PersistStore store;
  private final PostProjector projector;
  private final Clock clock;
  private final boolean divergeCommentOrder;

  EventSourcedCatalog(PersistStore store, Clock clock, boolean divergeCommentOrder) {
    this.store = store;
    this.projector = new PostProjector(store);
    this.clock = clock;
    this.divergeCommentOrder = divergeCommentOrder;
  }

  /**
   * Imports each seed post whose stream was never written: a {@code post-created} event and one
   * {@code comment-added} per comment, all at the post's updatedAt. Reopening a store is a no-op.
   */
  void seed(List<Post> posts) {
    for (Post post : posts) {
      store.atomically(() -> {
        if (store.lastSeq(PostProjector.streamOf(post.slug())) == 0) {
          append(post.slug(), PostProjector.POST_CREATED, post.updatedAt(), created(post));
          for (Comment comment : post.comments()) {
            append(post.slug(), PostProjector.COMMENT_ADDED, post.updatedAt(), CoreJson.of(comment));
          }
        }
        return null;
      });
    }
  }

  @Override
  public List<Post> posts() {
    return projector.all().stream().map(this::present).sorted(Post.NEWEST_FIRST).toList();
  }

  @Override
  public Optional<Post> post(String slug) {
    return projector.current(slug).map(this::present);
  }

  @Override
  public Optional<Post> addComment(String slug, CommentDraft draft, boolean dryRun) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return store.atomically(() -> projector.current(slug).map(post -> {
      Post updated = post.withComment(draft, now);
      if (!dryRun) {
        append(slug, PostProjector.COMMENT_ADDED, now, CoreJson.of(updated.lastComment()));
      }
      return present(updated);
    }));
  }

  /** Appends the next event of the post's stream and projects it, as one transaction. */
  private void append(String slug, String type, Instant at, ObjectNode data) {
    String stream = PostProjector.streamOf(slug);
    store.atomically(() -> {
      PersistEvent event = new PersistEvent(stream, store.lastSeq(stream) + 1, type, at, data);
      store.append(stream, event);
      projector.apply(slug, event);
      return null;
    });
  }

  private Post present(Post post) {
    return divergeCommentOrder ? post.withCommentsReversed() : post;
  }

  private static ObjectNode created(Post post) {
    ObjectNode data = CoreJson.of(post);
    data.remove("comments");
    data.remove("updatedAt");
    return data;
  }
}
