package dev.strangler.replay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A HAR 1.2 file as a browser saves it: pretty-printed, bodies as text or base64. */
final class Har {
  private Har() {}

  /**
   * Entries: GET /posts/hello (base64 body, gzip header, two Set-Cookie, an h2 pseudo-header),
   * GET /posts/priced (text body), POST /api/posts/new (postData).
   */
  static String file() {
    String hello = Base64.getEncoder().encodeToString(Backends.legacyPage("hello").getBytes(StandardCharsets.UTF_8));
    String priced = Backends.legacyPage("priced").replace("\\", "\\\\").replace("\"", "\\\"");
    return """
        {
          "log": {
            "version": "1.2",
            "creator": {"name": "test", "version": "1"},
            "pages": [],
            "entries": [
              {
                "startedDateTime": "2026-11-25T11:00:00.500+01:00",
                "time": 12.5,
                "request": {
                  "method": "GET",
                  "url": "https://blog.example/posts/hello",
                  "httpVersion": "h2",
                  "headers": [
                    {"name": ":authority", "value": "blog.example"},
                    {"name": "accept", "value": "text/html"},
                    {"name": "cookie", "value": "sid=1"}
                  ],
                  "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0
                },
                "response": {
                  "status": 200, "statusText": "OK", "httpVersion": "h2",
                  "headers": [
                    {"name": "content-type", "value": "text/html"},
                    {"name": "content-encoding", "value": "gzip"},
                    {"name": "set-cookie", "value": "a=1"},
                    {"name": "set-cookie", "value": "b=2"}
                  ],
                  "cookies": [],
                  "content": {"size": 300, "mimeType": "text/html", "text": "%s", "encoding": "base64"},
                  "redirectURL": "", "headersSize": -1, "bodySize": 120
                },
                "cache": {}, "timings": {"send": 0, "wait": 10, "receive": 2.5}
              },
              {
                "startedDateTime": "2026-11-25T10:00:01.000Z",
                "time": 8,
                "request": {
                  "method": "GET", "url": "https://blog.example/posts/priced?ref=feed", "httpVersion": "HTTP/1.1",
                  "headers": [{"name": "Host", "value": "blog.example"}], "queryString": [], "cookies": [],
                  "headersSize": -1, "bodySize": 0
                },
                "response": {
                  "status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1",
                  "headers": [{"name": "Content-Type", "value": "text/html"}], "cookies": [],
                  "content": {"size": 300, "mimeType": "text/html", "text": "%s"},
                  "redirectURL": "", "headersSize": -1, "bodySize": 300
                },
                "cache": {}, "timings": {"send": 0, "wait": 8, "receive": 0}
              },
              {
                "startedDateTime": "2026-11-25T10:00:02.000Z",
                "time": 5,
                "request": {
                  "method": "POST", "url": "https://blog.example/api/posts/new", "httpVersion": "HTTP/1.1",
                  "headers": [{"name": "Content-Type", "value": "application/json"}], "queryString": [], "cookies": [],
                  "postData": {"mimeType": "application/json", "text": "{\\"title\\":\\"x\\"}"},
                  "headersSize": -1, "bodySize": 13
                },
                "response": {
                  "status": 201, "statusText": "Created", "httpVersion": "HTTP/1.1", "headers": [], "cookies": [],
                  "content": {"size": 0, "mimeType": "application/json"},
                  "redirectURL": "", "headersSize": -1, "bodySize": 0
                },
                "cache": {}, "timings": {"send": 0, "wait": 5, "receive": 0}
              }
            ]
          }
        }
        """.formatted(hello, priced);
  }

  /** A Caddy access log: two requests and one of Caddy's other messages. */
  static String caddyLog() {
    return String.join("\n",
        "{\"level\":\"info\",\"ts\":1795600800.25,\"logger\":\"http.log.access.log0\",\"msg\":\"handled request\","
            + "\"request\":{\"remote_ip\":\"10.0.0.1\",\"proto\":\"HTTP/1.1\",\"method\":\"GET\",\"host\":\"blog.example\","
            + "\"uri\":\"/posts/hello\",\"headers\":{\"User-Agent\":[\"curl/8.5\"],\"Accept\":[\"text/html\",\"*/*\"],"
            + "\"Cookie\":[\"REDACTED\"]}},\"bytes_read\":0,\"duration\":0.0042,\"size\":310,\"status\":200,"
            + "\"resp_headers\":{\"Content-Type\":[\"text/html\"],\"Set-Cookie\":[\"REDACTED\"]}}",
        "{\"level\":\"info\",\"ts\":1795600800.5,\"msg\":\"serving initial configuration\"}",
        "{\"level\":\"info\",\"ts\":1795600801.0,\"logger\":\"http.log.access.log0\",\"msg\":\"handled request\","
            + "\"request\":{\"method\":\"GET\",\"host\":\"blog.example\",\"uri\":\"/posts/priced\",\"headers\":{}},"
            + "\"duration\":0.003,\"size\":300,\"status\":200,\"resp_headers\":{}}",
        "");
  }
}
