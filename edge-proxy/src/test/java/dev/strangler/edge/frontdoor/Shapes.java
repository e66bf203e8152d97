package dev.strangler.edge.frontdoor;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Request shapes a front door meets: ordinary, unusual and hostile. */
final class Shapes {
  record Shape(String name, byte[] bytes) {}

  private Shapes() {}

  static Shape of(String name, String wire) {
    return new Shape(name, wire.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static final String H = "Host: h\r\n";

  static final List<Shape> ALL = List.of(
      of("plain GET", "GET /a HTTP/1.1\r\n" + H + "\r\n"),
      of("HTTP/1.0 without Host", "GET /a HTTP/1.0\r\n\r\n"),
      of("HTTP/1.1 without Host", "GET /a HTTP/1.1\r\n\r\n"),
      of("two Host headers", "GET /a HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
      of("absolute-form, other Host", "GET http://other.example/a HTTP/1.1\r\n" + H + "\r\n"),
      of("absolute-form https", "GET https://h/a HTTP/1.1\r\n" + H + "\r\n"),
      of("HTTP/0.9", "GET /a\r\n"),
      of("space in target", "GET /a b HTTP/1.1\r\n" + H + "\r\n"),
      of("very long method", "A".repeat(200) + " /a HTTP/1.1\r\n" + H + "\r\n"),
      of("method of 20 KB", "A".repeat(20_000) + " /a HTTP/1.1\r\n" + H + "\r\n"),
      of("lower-case method", "get /a HTTP/1.1\r\n" + H + "\r\n"),
      of("unknown method", "FROB /a HTTP/1.1\r\n" + H + "\r\n"),
      of("HTTP/2.0 request line", "GET /a HTTP/2.0\r\n" + H + "\r\n"),
      of("HTTP/1.2", "GET /a HTTP/1.2\r\n" + H + "\r\n"),
      of("HTTP/3.0", "GET /a HTTP/3.0\r\n" + H + "\r\n"),
      of("NUL in path", "GET /a\u0000b HTTP/1.1\r\n" + H + "\r\n"),
      of("0x01 in path", "GET /a\u0001b HTTP/1.1\r\n" + H + "\r\n"),
      of("0x7F in path", "GET /a\u007fb HTTP/1.1\r\n" + H + "\r\n"),
      of("raw UTF-8 in path", "GET /caf\u00c3\u00a9 HTTP/1.1\r\n" + H + "\r\n"),
      of("dot-dot segment", "GET /public/../internal/x HTTP/1.1\r\n" + H + "\r\n"),
      of("encoded dot-dot", "GET /public/%2e%2e/internal/x HTTP/1.1\r\n" + H + "\r\n"),
      of("dot-dot with encoded slash", "GET /public/..%2finternal/x HTTP/1.1\r\n" + H + "\r\n"),
      of("dot-dot above root", "GET /../x HTTP/1.1\r\n" + H + "\r\n"),
      of("bad percent escape", "GET /a%zz HTTP/1.1\r\n" + H + "\r\n"),
      of("encoded NUL", "GET /a%00b HTTP/1.1\r\n" + H + "\r\n"),
      of("CL and TE", "POST /a HTTP/1.1\r\n" + H + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
      of("differing duplicate CL", "POST /a HTTP/1.1\r\n" + H + "Content-Length: 4\r\nContent-Length: 5\r\n\r\nabcde"),
      of("identical duplicate CL", "POST /a HTTP/1.1\r\n" + H + "Content-Length: 4\r\nContent-Length: 4\r\n\r\nabcd"),
      of("negative CL", "POST /a HTTP/1.1\r\n" + H + "Content-Length: -1\r\n\r\n"),
      of("CL not a number", "POST /a HTTP/1.1\r\n" + H + "Content-Length: abc\r\n\r\n"),
      of("bad chunk size", "POST /a HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
      of("TE gzip, chunked", "POST /a HTTP/1.1\r\n" + H + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
      of("TE identity", "POST /a HTTP/1.1\r\n" + H + "Transfer-Encoding: identity\r\n\r\n"),
      of("TE on HTTP/1.0", "POST /a HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
      of("obs-fold", "GET /a HTTP/1.1\r\n" + H + "X-F: a\r\n b\r\n\r\n"),
      of("space before colon", "GET /a HTTP/1.1\r\nHost : h\r\n\r\n"),
      of("header line without colon", "GET /a HTTP/1.1\r\n" + H + "NoColon\r\n\r\n"),
      of("header name with space", "GET /a HTTP/1.1\r\n" + H + "X A: 1\r\n\r\n"),
      of("NUL in header value", "GET /a HTTP/1.1\r\n" + H + "X-A: a\u0000b\r\n\r\n"),
      of("Expect: 100-continue", "POST /a HTTP/1.1\r\n" + H + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\nhi"),
      of("Expect: other", "GET /a HTTP/1.1\r\n" + H + "Expect: teapot\r\n\r\n"),
      of("URI of 20 KB", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + H + "\r\n"),
      of("header of 20 KB", "GET /a HTTP/1.1\r\n" + H + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n"),
      of("CL over the body limit", "POST /a HTTP/1.1\r\n" + H + "Content-Length: 2000000\r\n\r\nabc"),
      of("OPTIONS *", "OPTIONS * HTTP/1.1\r\n" + H + "\r\n"),
      of("CONNECT", "CONNECT h:443 HTTP/1.1\r\nHost: h:443\r\n\r\n"),
      of("LF-only line ends", "GET /a HTTP/1.1\n" + "Host: h\n\n"),
      of("tab separated request line", "GET\t/a\tHTTP/1.1\r\n" + H + "\r\n"),
      of("Host with a space", "GET /a HTTP/1.1\r\nHost: a b\r\n\r\n"),
      of("target without slash", "GET a HTTP/1.1\r\n" + H + "\r\n"),
      of("fragment in target", "GET /a#frag HTTP/1.1\r\n" + H + "\r\n"));
}
