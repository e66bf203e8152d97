package dev.strangler.demo.blog;

import java.util.Objects;

/** A reader's comment on a post; ids are unique within their post. */
public record Comment(String id, String author, String text) {
  public Comment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
  }
}
