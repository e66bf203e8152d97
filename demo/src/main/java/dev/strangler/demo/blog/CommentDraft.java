package dev.strangler.demo.blog;

import com.fasterxml.jackson.databind.JsonNode;

/** A comment a reader submits ({@code {"author","text"}}), validated, before it gets an id. */
public record CommentDraft(String author, String text) {
  static final int MAX_AUTHOR = 100;
  static final int MAX_TEXT = 5_000;

  public CommentDraft {
    author = requireText("author", author, MAX_AUTHOR);
    text = requireText("text", text, MAX_TEXT);
  }

  /** Reads a draft from a JSON request body; throws {@link IllegalArgumentException} when invalid. */
  public static CommentDraft fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("expected a JSON object {\"author\", \"text\"}");
    }
    return new CommentDraft(textField(json, "author"), textField(json, "text"));
  }

  /** The comment this draft becomes under {@code id}. */
  public Comment toComment(String id) {
    return new Comment(id, author, text);
  }

  private static String textField(JsonNode json, String name) {
    JsonNode value = json.get(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static String requireText(String name, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be a non-blank string");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
    }
    return value.strip();
  }
}
