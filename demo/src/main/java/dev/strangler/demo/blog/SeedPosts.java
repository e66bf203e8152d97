package dev.strangler.demo.blog;

import java.time.Instant;
import java.util.List;

/** The demo's starting content; both backends load exactly these posts. */
public final class SeedPosts {
  private static final List<Post> POSTS =
      List.of(
          new Post(
              "hello-world",
              "Hello, world",
              "The first post on this blog. Everything starts somewhere.",
              List.of("meta", "intro"),
              List.of(
                  new Comment("c1", "ada", "Welcome aboard!"),
                  new Comment("c2", "grace", "Looking forward to more.")),
              Instant.parse("2024-01-15T09:30:00Z")),
          new Post(
              "strangler-fig",
              "The strangler fig pattern",
              "Grow the new system around the old one, one route at a time, until the old one"
                  + " can be retired.",
              List.of("architecture", "migration", "patterns"),
              List.of(
                  new Comment("c1", "martin", "Named after the vines, of course."),
                  new Comment("c2", "ada", "Route-by-route is the only sane way."),
                  new Comment("c3", "linus", "And keep the rollback one flip away.")),
              Instant.parse("2024-02-02T14:00:00Z")),
          new Post(
              "shadow-traffic",
              "Shadow traffic & the diff",
              "Mirror real requests to the new side, discard its answer, and log how it differs"
                  + " from the old one. <Flip> only when the diffs are zero.",
              List.of("testing", "migration", "observability", "traffic"),
              List.of(new Comment("c1", "grace", "Compare the domain output, not the HTML.")),
              Instant.parse("2024-02-20T08:15:00Z")),
          new Post(
              "event-logs",
              "Append-only event logs",
              "State as a fold over events: a log that only grows, and read models projected"
                  + " from it.",
              List.of("persistence", "events"),
              List.of(
                  new Comment("c1", "barbara", "Never reassign a sequence number."),
                  new Comment("c2", "martin", "Compaction keeps the high-water mark.")),
              Instant.parse("2024-03-05T17:45:00Z")),
          new Post(
              "cutover-day",
              "Cutover day",
              "The day a route flips to the new backend is boring when the parity gate did its"
                  + " job.",
              List.of("migration", "operations", "release"),
              List.of(
                  new Comment("c1", "linus", "Boring is the goal."),
                  new Comment("c2", "barbara", "Keep the old side warm for a while."),
                  new Comment("c3", "ada", "\"Instant rollback\" saved us twice.")),
              Instant.parse("2024-03-28T11:00:00Z")));

  private SeedPosts() {}

  /** The seed posts, in {@link Post#NEWEST_FIRST} order. */
  public static List<Post> all() {
    return POSTS.stream().sorted(Post.NEWEST_FIRST).toList();
  }
}
