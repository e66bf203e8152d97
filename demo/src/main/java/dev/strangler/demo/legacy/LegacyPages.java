package dev.strangler.demo.legacy;

import static dev.strangler.demo.web.PageParts.escape;

import com.sun.net.httpserver.Headers;
import dev.strangler.demo.blog.Comment;
import dev.strangler.demo.blog.CoreJson;
import dev.strangler.demo.blog.Post;
import dev.strangler.demo.web.Frontend;
import dev.strangler.demo.web.PageParts;
import dev.strangler.demo.web.Reply;
import java.util.List;

/** The legacy design: table layout, font tags, a "Legacy Blog" banner; always HTML. */
final class LegacyPages implements Frontend {

  @Override
  public Reply home(List<Post> posts, Headers request) {
    StringBuilder rows = new StringBuilder();
    for (Post post : posts) {
      rows.append("<tr><td><a href=\"/posts/").append(escape(post.slug())).append("\"><b>")
          .append(escape(post.title())).append("</b></a></td><td align=\"right\">")
          .append(escape(post.updatedAt().toString())).append("</td></tr>\n");
    }
    return Reply.html(200, page("Legacy Blog",
        "<table width=\"100%\" border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n"
            + "<tr bgcolor=\"#cccccc\"><th align=\"left\">Post</th><th>Updated</th></tr>\n"
            + rows + "</table>\n"));
  }

  @Override
  public Reply post(Post post, Headers request) {
    StringBuilder comments = new StringBuilder();
    for (Comment comment : post.comments()) {
      comments.append("<tr><td valign=\"top\"><b>").append(escape(comment.author()))
          .append("</b></td><td>").append(escape(comment.text())).append("</td></tr>\n");
    }
    String body =
        "<table width=\"100%\" border=\"0\" cellpadding=\"6\">\n"
            + "<tr><td><font size=\"5\"><b>" + escape(post.title()) + "</b></font><br>\n"
            + "<font size=\"1\" color=\"#666666\">Last updated " + escape(post.updatedAt().toString())
            + " | Tags: " + escape(String.join(", ", post.tags())) + "</font></td></tr>\n"
            + "<tr><td>" + escape(post.body()) + "</td></tr>\n"
            + "</table>\n<hr>\n<font size=\"3\"><b>Comments (" + post.comments().size()
            + ")</b></font>\n<table width=\"100%\" border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n"
            + comments + "</table>\n"
            + PageParts.coreIsland(CoreJson.of(post)) + "\n";
    return Reply.html(200, page(post.title() + " - Legacy Blog", body));
  }

  @Override
  public Reply postNotFound(String slug, Headers request) {
    return Reply.html(404, page("Not Found - Legacy Blog",
        "<p><font color=\"#cc0000\"><b>Error 404:</b> the post \"" + escape(slug)
            + "\" does not exist.</font></p>\n<p><a href=\"/\">Back to the index</a></p>\n"));
  }

  private static String page(String title, String content) {
    return "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n"
        + "<html><head><title>" + escape(title) + "</title></head>\n"
        + "<body bgcolor=\"#ffffff\"><font face=\"Verdana, Arial\">\n<center>\n"
        + "<table width=\"760\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\">\n"
        + "<tr><td bgcolor=\"#003366\"><font color=\"#ffffff\" size=\"6\"><b>Legacy Blog</b></font></td></tr>\n"
        + "<tr><td><a href=\"/\">Home</a></td></tr>\n<tr><td>\n" + content + "</td></tr>\n"
        + "<tr><td><font size=\"1\">Powered by the old SQL app</font></td></tr>\n"
        + "</table>\n</center>\n</font></body></html>\n";
  }
}
