package dev.strangler.demo.persist;

import static dev.strangler.demo.web.PageParts.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import dev.strangler.demo.blog.Comment;
import dev.strangler.demo.blog.CoreJson;
import dev.strangler.demo.blog.Post;
import dev.strangler.demo.web.AcceptHeader;
import dev.strangler.demo.web.BlogHandler;
import dev.strangler.demo.web.Frontend;
import dev.strangler.demo.web.PageParts;
import dev.strangler.demo.web.Reply;
import java.util.List;

/**
 * The new host's presentation: JSON by default ({@code {"post": core}}), or, when the Accept header
 * prefers text/html, a modern "New Blog" page with the same core in a script island.
 */
final class ModernPages implements Frontend {

  @Override
  public Reply home(List<Post> posts, Headers request) {
    if (!wantsHtml(request)) {
      return negotiated(Reply.json(200, wrap("posts", CoreJson.ofAll(posts))));
    }
    StringBuilder cards = new StringBuilder();
    for (Post post : posts) {
      cards.append("  <article class=\"card\"><h2><a href=\"/posts/").append(escape(post.slug()))
          .append("\">").append(escape(post.title())).append("</a></h2>")
          .append(time(post)).append(tags(post)).append("</article>\n");
    }
    String feed = "<section class=\"feed\">\n" + cards + "</section>\n";
    return negotiated(Reply.html(200, page("New Blog", feed)));
  }

  @Override
  public Reply post(Post post, Headers request) {
    if (!wantsHtml(request)) {
      return negotiated(Reply.json(200, wrap("post", CoreJson.of(post))));
    }
    StringBuilder comments = new StringBuilder();
    for (Comment comment : post.comments()) {
      comments.append("    <div class=\"comment\" id=\"comment-").append(escape(comment.id()))
          .append("\"><span class=\"author\">").append(escape(comment.author()))
          .append("</span><p>").append(escape(comment.text())).append("</p></div>\n");
    }
    String content =
        "<article class=\"post\">\n  <header><h1>" + escape(post.title()) + "</h1>" + time(post)
            + tags(post) + "</header>\n  <div class=\"post-body\"><p>" + escape(post.body())
            + "</p></div>\n  <section class=\"comments\">\n    <h2>" + post.comments().size()
            + " comments</h2>\n" + comments + "  </section>\n</article>\n"
            + PageParts.coreIsland(CoreJson.of(post)) + "\n";
    return negotiated(Reply.html(200, page(post.title() + " · New Blog", content)));
  }

  @Override
  public Reply postNotFound(String slug, Headers request) {
    if (!wantsHtml(request)) {
      return negotiated(BlogHandler.noPost(slug));
    }
    return negotiated(Reply.html(404, page("Not found · New Blog",
        "<div class=\"empty-state\"><h1>Nothing here</h1><p>No post called <code>" + escape(slug)
            + "</code>.</p><a class=\"button\" href=\"/\">All posts</a></div>\n")));
  }

  private static ObjectNode wrap(String field, JsonNode value) {
    ObjectNode wrapper = CoreJson.MAPPER.createObjectNode();
    wrapper.set(field, value);
    return wrapper;
  }

  private static boolean wantsHtml(Headers request) {
    return AcceptHeader.prefersHtml(String.join(",", request.getOrDefault("Accept", List.of())));
  }

  private static Reply negotiated(Reply reply) {
    return reply.withHeader("Vary", "Accept");
  }

  private static String time(Post post) {
    String iso = escape(post.updatedAt().toString());
    return "<time datetime=\"" + iso + "\">" + iso + "</time>";
  }

  private static String tags(Post post) {
    StringBuilder out = new StringBuilder("<ul class=\"tags\">");
    post.tags().forEach(tag -> out.append("<li>#").append(escape(tag)).append("</li>"));
    return out.append("</ul>").toString();
  }

  private static String page(String title, String content) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + escape(title) + "</title>\n"
        + "<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}"
        + ".tags{display:flex;gap:.5rem;list-style:none;padding:0}.comment{border-left:3px solid #7c3aed;"
        + "padding-left:.75rem;margin:.75rem 0}.author{font-weight:600}</style>\n</head>\n<body>\n"
        + "<div class=\"site\">\n<nav class=\"topbar\"><a class=\"brand\" href=\"/\">New Blog</a></nav>\n"
        + "<main>\n" + content + "</main>\n"
        + "<footer class=\"site-footer\">Served from the event log</footer>\n</div>\n</body>\n</html>\n";
  }
}
