package dev.strangler.replay.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pretty-prints a JSON document as HTML (two-space indent, escaped), wrapping the values at the
 * given diff paths in {@code <mark class="diff">}.
 */
final class JsonHtml {
  private final StringBuilder out = new StringBuilder();

  /** A highlight path and how many of its steps the printer has gone down. */
  private record Cursor(List<DiffPath.Step> steps, int at) {
    boolean done() {
      return at == steps.size();
    }

    boolean next(Predicate<DiffPath.Step> step) {
      return at < steps.size() && step.test(steps.get(at));
    }

    Cursor down() {
      return new Cursor(steps, at + 1);
    }
  }

  private JsonHtml() {}

  /** The document as HTML, the values at {@code paths} marked. */
  static String render(JsonNode node, List<String> paths) {
    List<Cursor> cursors = paths.stream().map(p -> new Cursor(DiffPath.parse(p), 0)).toList();
    JsonHtml printer = new JsonHtml();
    printer.value(node, cursors, "");
    return printer.out.toString();
  }

  private void value(JsonNode node, List<Cursor> cursors, String indent) {
    boolean marked = cursors.stream().anyMatch(Cursor::done);
    if (marked) {
      out.append("<mark class=\"diff\">");
    }
    if (node == null || node.isMissingNode()) {
      out.append("<i>(none)</i>");
    } else if (node.isObject() && !node.isEmpty()) {
      object(node, cursors, indent);
    } else if (node.isArray() && !node.isEmpty()) {
      array(node, cursors, indent);
    } else {
      out.append(HtmlEscape.escape(node.toString()));
    }
    if (marked) {
      out.append("</mark>");
    }
  }

  private void object(JsonNode node, List<Cursor> cursors, String indent) {
    out.append("{\n");
    String inner = indent + "  ";
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      out.append(inner).append(HtmlEscape.escape(quote(f.getKey()))).append(": ");
      value(f.getValue(), follow(cursors, s -> s.isField(f.getKey())), inner);
      out.append(it.hasNext() ? ",\n" : "\n");
    }
    out.append(indent).append('}');
  }

  private void array(JsonNode node, List<Cursor> cursors, String indent) {
    out.append("[\n");
    String inner = indent + "  ";
    for (int i = 0; i < node.size(); i++) {
      int index = i;
      JsonNode item = node.get(i);
      out.append(inner);
      value(item, follow(cursors, s -> s.isItem(index, item)), inner);
      out.append(i + 1 < node.size() ? ",\n" : "\n");
    }
    out.append(indent).append(']');
  }

  private static List<Cursor> follow(List<Cursor> cursors, Predicate<DiffPath.Step> step) {
    List<Cursor> next = new ArrayList<>();
    for (Cursor c : cursors) {
      if (c.next(step)) {
        next.add(c.down());
      }
    }
    return next;
  }

  private static String quote(String name) {
    return TextNode.valueOf(name).toString();
  }
}
