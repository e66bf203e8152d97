package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of mistake: each names the exact line and column and says what is expected. */
class ConfigLoaderErrorsTest {
  /** Five lines; the routes written after it start on line 6. */
  static final String HEAD =
      """
      listen: 127.0.0.1:8080
      upstreams:
        legacy: {targets: ["http://127.0.0.1:5001"]}
        new: {targets: ["http://127.0.0.1:5002"]}
      routes:
      """;

  /** A valid route on lines 6 to 8. */
  private static final String ROUTE =
      """
        - id: all
          match: {path: "/**"}
          primary: legacy
      """;

  /** A valid route with a {slug} on lines 6 to 8; what follows belongs to it. */
  static final String SLUG_ROUTE =
      """
        - id: post-read
          match: {path: "/posts/{slug}"}
          primary: legacy
      """;

  @TempDir Path dir;

  @Test
  void unknownKeyAtTopLevel() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "admn: {listen: 127.0.0.1:9901}\n");
    assertAt(e, 9, 1, "unknown key 'admn' at the top level; expected one of: listen, admin, state,"
        + " upstreams, defaults, limits, mask, lifecycle, alerts, routes");
  }

  @Test
  void unknownKeyInRoute() throws IOException {
    ConfigException e = refused(HEAD + """
          - id: post-read
            match: {path: "/posts/{slug}"}
            primry: legacy
        """);
    assertAt(e, 8, 5, "unknown key 'primry' in route 'post-read'; expected one of: id, match,"
        + " primary, shadow, core, compare, record, timeouts, rewrite, guard, sticky");
  }

  @Test
  void unknownKeyInRouteShadow() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "    shadow: {enabled: true, sampel: 0.5}\n");
    assertAt(e, 9, 29, "unknown key 'sampel' in shadow of route 'all'; expected one of: enabled,"
        + " sample, methods, timeout, max-body, mirror-writes");
  }

  @Test
  void unknownKeyInDefaultsShadow() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "defaults:\n  shadow:\n    mirror_writes: true\n");
    assertAt(e, 11, 5, "unknown key 'mirror_writes' in defaults.shadow");
  }

  @Test
  void badDuration() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "defaults:\n  timeouts: {connect: 5sec}\n");
    assertAt(e, 10, 23, "'5sec' is not valid for 'connect' in defaults.timeouts: expected a"
        + " duration: a positive whole number with unit ms, s, m or h, like 250ms or 5s");
  }

  @Test
  void zeroDurationIsRefused() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "    timeouts: {response: 0s}\n");
    assertAt(e, 9, 26, "'0s' is not valid for 'response' in timeouts of route 'all'");
  }

  @Test
  void unknownKeyInLifecycle() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "lifecycle: {drain-delay: 2s, drain_timeout: 10s}\n");
    assertAt(e, 9, 30, "unknown key 'drain_timeout' in lifecycle; expected one of: drain-delay, drain-timeout");
  }

  @Test
  void zeroDrainTimeoutIsRefused() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "lifecycle:\n  drain-delay: 0s\n  drain-timeout: 0s\n");
    assertAt(e, 11, 18, "'0s' is not valid for 'drain-timeout' in lifecycle: expected a duration: a positive");
  }

  @Test
  void badDrainDelay() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "lifecycle: {drain-delay: soon}\n");
    assertAt(e, 9, 26, "'soon' is not valid for 'drain-delay' in lifecycle: expected a duration: a whole number"
        + " with unit ms, s, m or h, like 0s, 250ms or 5s");
  }

  @Test
  void badSize() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "limits:\n  max-request-body: 10mb\n");
    assertAt(e, 10, 21, "'10mb' is not valid for 'max-request-body' in limits: expected a size",
        "like 512, 64KiB or 1MiB");
  }

  @Test
  void badSample() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "    record: {sample: 1.5}\n");
    assertAt(e, 9, 22, "'1.5' is not valid for 'sample' in record of route 'all': expected a"
        + " fraction from 0 to 1");
  }

  @Test
  void missingRequiredKeyInRoute() throws IOException {
    ConfigException e = refused(HEAD + """
          - id: all
            match: {path: "/**"}
        """);
    assertAt(e, 6, 5, "missing required key 'primary' in route 'all'");
  }

  @Test
  void missingRequiredKeyAtTopLevel() throws IOException {
    ConfigException e = refused(HEAD.replace("listen: 127.0.0.1:8080\n", "") + ROUTE);
    assertAt(e, 1, 1, "missing required key 'listen' at the top level");
  }

  @Test
  void listWhereAMappingBelongs() throws IOException {
    ConfigException e = refused(HEAD + """
          - id: all
            match: ["/**"]
            primary: legacy
        """);
    assertAt(e, 7, 12, "match of route 'all' must be a mapping of keys to values, but it is a list");
  }

  @Test
  void mappingWhereAListBelongs() throws IOException {
    ConfigException e = refused(HEAD + """
          - id: all
            match: {path: "/**", methods: {GET: true}}
            primary: legacy
        """);
    assertAt(e, 7, 35, "'methods' in match of route 'all' must be a list, like [a, b], but it is a"
        + " mapping");
  }

  @Test
  void badMethod() throws IOException {
    ConfigException e = refused(HEAD + """
          - id: all
            match: {path: "/**", methods: [get, "PO ST"]}
            primary: legacy
        """);
    assertAt(e, 7, 41, "'PO ST' is not valid for an item of 'methods' in match of route 'all':"
        + " expected an HTTP method like GET or POST");
  }

  @Test
  void badPathTemplate() throws IOException {
    ConfigException e = refused(HEAD + """
          - id: all
            match: {path: "/posts/{slug"}
            primary: legacy
        """);
    assertAt(e, 7, 19, "'/posts/{slug' is not valid for 'path' in match of route 'all': path"
        + " parameter '{slug' must look like {name} and fill a whole segment");
  }

  @Test
  void duplicateRouteId() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + ROUTE);
    assertAt(e, 9, 9, "duplicate route id 'all'; the route at line 6 already has it");
  }

  @Test
  void badRouteId() throws IOException {
    ConfigException e = refused(HEAD + ROUTE.replace("id: all", "id: all routes"));
    assertAt(e, 6, 9, "'all routes' is not valid for 'id' in route #1: expected letters, digits");
  }

  @Test
  void badPrimary() throws IOException {
    ConfigException e = refused(HEAD + ROUTE.replace("primary: legacy", "primary: newer"));
    assertAt(e, 8, 14, "'newer' is not valid for 'primary' in route 'all': expected legacy or new");
  }

  @Test
  void coreExtractorWithTwoKinds() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + """
            core:
              new: {json: "", header: X-Core}
        """);
    assertAt(e, 10, 23, "core.new of route 'all' names both 'json' and 'header'; expected exactly"
        + " one of: json, header, html-island, html-fields, status-only");
  }

  @Test
  void coreExtractorWithNoKind() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + """
            core:
              legacy: {}
        """);
    assertAt(e, 10, 15, "core.legacy of route 'all' names no extractor; expected exactly one of:");
  }

  @Test
  void coreExtractorOfUnknownKind() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + """
            core:
              legacy: {xpath: "//h1"}
        """);
    assertAt(e, 10, 16, "unknown key 'xpath' in core.legacy of route 'all'; expected one of: json,"
        + " header, html-island, html-fields, status-only");
  }

  @Test
  void coreForAnUnknownSide() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + """
            core:
              old: {json: ""}
        """);
    assertAt(e, 10, 7, "unknown key 'old' in core of route 'all'; expected one of: legacy, new");
  }

  @Test
  void badCssSelector() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + """
            core:
              legacy: {html-fields: {title: "h1", price: "span[@data-amount"}}
        """);
    assertAt(e, 10, 50, "'span[@data-amount' is not valid for 'price' in 'html-fields' in"
        + " core.legacy of route 'all': expected a CSS selector");
  }

  @Test
  void statusOnlyFalse() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + """
            core:
              new: {status-only: false}
        """);
    assertAt(e, 10, 26, "'status-only' in core.new of route 'all' can only be true");
  }

  @Test
  void badCompareMode() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "    compare: {mode: loose}\n");
    assertAt(e, 9, 21, "'loose' is not valid for 'mode' in compare of route 'all': expected one of:"
        + " strict, lenient, non-extensible, strict-order");
  }

  @Test
  void comparePathWithoutDollar() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "    compare: {keyed: {comments: id}}\n");
    assertAt(e, 9, 23, "'comments' is not valid for a path in 'keyed' in compare of route 'all':"
        + " expected a path starting with $");
  }

  @Test
  void negativeTolerance() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "    compare: {tolerance: {$.total: -1}}\n");
    assertAt(e, 9, 36, "'-1' is not valid for '$.total' in 'tolerance' in compare of route 'all':"
        + " expected a number of at least 0");
  }

  @Test
  void badJsonPointer() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + """
            core:
              new: {json: post}
        """);
    assertAt(e, 10, 19, "'post' is not valid for 'json' in core.new of route 'all': expected a JSON"
        + " Pointer: \"\" for the whole body, or a path starting with '/'");
  }

  @Test
  void unsetEnvironmentVariable() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "admin:\n  token: ${EDGE_TOKEN}\n");
    assertAt(e, 10, 10, "environment variable 'EDGE_TOKEN' is not set; set it or write"
        + " ${EDGE_TOKEN:-default} (in 'token' in admin)");
  }

  @Test
  void yamlSyntaxError() throws IOException {
    ConfigException e = refused(HEAD + """
          - id: all
            match: {path: "/**"
            primary: legacy
        """);
    assertAt(e, 8, 5, "YAML syntax error: expected ',' or '}', but got <scalar> (while parsing a"
        + " flow mapping that starts at line 7, column 12)");
  }

  @Test
  void badIndentationIsASyntaxError() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "   primary: new\n");
    assertAt(e, 9, 4, "YAML syntax error");
  }

  @Test
  void upstreamTargetWithoutPort() throws IOException {
    ConfigException e = refused(HEAD.replace("\"http://127.0.0.1:5002\"", "\"http://127.0.0.1\"")
        + ROUTE);
    assertAt(e, 4, 19, "'http://127.0.0.1' is not valid for an item of 'targets' in upstreams.new:"
        + " expected an http URL with host and port");
  }

  @Test
  void upstreamTargetOverHttps() throws IOException {
    ConfigException e = refused(HEAD.replace("http://127.0.0.1:5001", "https://127.0.0.1:5001")
        + ROUTE);
    assertAt(e, 3, 22, "'https://127.0.0.1:5001' is not valid for an item of 'targets' in"
        + " upstreams.legacy");
  }

  @Test
  void missingUpstream() throws IOException {
    ConfigException e = refused(HEAD.replace("  new: {targets: [\"http://127.0.0.1:5002\"]}\n", "")
        + ROUTE);
    assertAt(e, 3, 3, "missing upstream 'new' in upstreams; both legacy and new are required");
  }

  @Test
  void unknownUpstream() throws IOException {
    ConfigException e = refused(HEAD.replace("  new:", "  next:") + ROUTE);
    assertAt(e, 4, 3, "unknown upstream 'next' in upstreams; expected legacy and new");
  }

  @Test
  void mirrorPipeliningOutOfRange() throws IOException {
    ConfigException e = refused(HEAD.replace("5002\"]}", "5002\"], mirror-pipelining: 0}") + ROUTE);
    assertAt(e, 4, 64, "'0' is not valid for 'mirror-pipelining' in upstreams.new: expected a whole"
        + " number from 1 (one mirror at a time) to 256");
  }

  @Test
  void emptyTargets() throws IOException {
    ConfigException e = refused(HEAD.replace("[\"http://127.0.0.1:5002\"]", "[]") + ROUTE);
    assertAt(e, 4, 18, "'targets' in upstreams.new is an empty list; expected at least one item");
  }

  @Test
  void badListenAddress() throws IOException {
    ConfigException e = refused(HEAD.replace("127.0.0.1:8080", "8080") + ROUTE);
    assertAt(e, 1, 9, "'8080' is not valid for 'listen' at the top level: expected host:port");
  }

  @Test
  void unsupportedStore() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "state: {store: \"jdbc:mysql://db/edge\"}\n");
    assertAt(e, 9, 16, "'jdbc:mysql://db/edge' is not valid for 'store' in state: expected a JDBC"
        + " URL like jdbc:sqlite:");
  }

  @Test
  void duplicateKey() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "    primary: new\n");
    assertAt(e, 9, 5, "duplicate key 'primary' in route 'all'; each key may appear once");
  }

  @Test
  void emptyRoutes() throws IOException {
    ConfigException e = refused(HEAD.replace("routes:\n", "routes: []\n"));
    assertAt(e, 5, 9, "'routes' at the top level is an empty list; expected at least one route");
  }

  @Test
  void emptyFile() throws IOException {
    ConfigException e = refused("# nothing yet\n");
    assertAt(e, 1, 1, "the file is empty");
  }

  @Test
  void unreadableFileIsReportedForTheWholeFile() {
    Path missing = dir.resolve("absent.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, Map.of()));
    assertThat(e.line()).isZero();
    assertThat(e.getMessage()).startsWith(missing + ": cannot read the file");
  }

  @Test
  void columnsAfterAnUnquotedReferenceInAFlowMappingStayExact() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "admin: {token: ${T:-x}, lisen: 127.0.0.1:1}\n");
    assertAt(e, 9, 25, "unknown key 'lisen' in admin");
  }

  @Test
  void unknownKeyInMask() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "mask: {headers: [X-Key], jsonpath: [\"$.a\"]}\n");
    assertAt(e, 9, 26, "unknown key 'jsonpath' in mask; expected one of: headers, query, json");
  }

  @Test
  void badMaskHeaderName() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "mask:\n  headers: [X-Key, \"X Api Key\"]\n");
    assertAt(e, 10, 20, "'X Api Key' is not valid for an item of 'headers' in mask: expected a"
        + " header name like X-Core-Output");
  }

  @Test
  void blankMaskQueryParameter() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "mask:\n  query: [token, \" \"]\n");
    assertAt(e, 10, 18, "' ' is not valid for an item of 'query' in mask: expected a non-empty value");
  }

  @Test
  void badMaskJsonPath() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "mask:\n  json: [\"$.a\", \"password\"]\n");
    assertAt(e, 10, 17, "'password' is not valid for an item of 'json' in mask: expected a path like"
        + " $.password, $.items[*].token or $['odd key'] (it must start with $)");
  }

  @Test
  void unclosedBracketInMaskJsonPath() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "mask: {json: [\"$.users[*.ssn\"]}\n");
    assertAt(e, 9, 15, "'$.users[*.ssn' is not valid for an item of 'json' in mask",
        "(a '[' must be closed by ']')");
  }

  @Test
  void maskListGivenAsASingleValue() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "mask: {headers: X-Key}\n");
    assertAt(e, 9, 17, "'headers' in mask must be a list, like [a, b], but it is the single value"
        + " 'X-Key'");
  }

  @Test
  void maskGivenAsAList() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "mask: [Authorization]\n");
    assertAt(e, 9, 7, "mask must be a mapping of keys to values, but it is a list");
  }

  @Test
  void blankInstanceName() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "state: {dir: ./data, instance: \"   \"}\n");
    assertAt(e, 9, 32, "'   ' is not valid for 'instance' in state: expected a name for this edge"
        + " instance, or nothing to have one generated, not blanks");
  }

  @Test
  void instanceNameOver200Characters() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "state:\n  instance: " + "x".repeat(201) + "\n");
    assertAt(e, 10, 13, "is not valid for 'instance' in state: expected at most 200 characters, got 201");
  }

  @Test
  void instanceNameWithAControlCharacter() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "state: {instance: \"edge\\t1\"}\n");
    assertAt(e, 9, 19, "control characters are not allowed in an instance name");
  }

  @Test
  void unknownKeyInState() throws IOException {
    ConfigException e = refused(HEAD + ROUTE + "state: {instanse: a}\n");
    assertAt(e, 9, 9, "unknown key 'instanse' in state; expected one of: dir, store, instance");
  }

  @Test
  void unknownPathParameterIsRefusedAtItsLine() throws IOException {
    ConfigException e = refused(HEAD + SLUG_ROUTE + "    rewrite:\n      new: {path: \"/api/{id}\"}\n");
    assertAt(e, 10, 19, "'/api/{id}' is not valid for 'path' in rewrite.new of route 'post-read'",
        "has no parameter {id}; it has: {slug}");
  }

  @Test
  void badHeaderNameIsRefused() throws IOException {
    ConfigException e = refused(HEAD + SLUG_ROUTE + "    rewrite:\n      new: {headers: {remove: [\"X Bad\"]}}\n");
    assertAt(e, 10, 32, "'X Bad' is not valid for an item of 'remove'", "expected a header name");
  }

  @Test
  void hopByHopHeadersStayTheEdges() throws IOException {
    ConfigException e = refused(HEAD + SLUG_ROUTE + "    rewrite:\n      new: {headers: {set: {Connection: close}}}\n");
    assertAt(e, 10, 29, "a rewrite may not set or remove Connection");
  }

  @Test
  void unknownQueryModeIsRefused() throws IOException {
    ConfigException e = refused(HEAD + SLUG_ROUTE + "    rewrite:\n      legacy: {query: strip}\n");
    assertAt(e, 10, 23, "'strip' is not valid for 'query' in rewrite.legacy", "expected keep, drop or {set:");
  }

  @Test
  void emptyExtractorListIsRefused() throws IOException {
    ConfigException e = refused(HEAD + SLUG_ROUTE + "    core:\n      new: []\n");
    assertAt(e, 10, 12, "core.new of route 'post-read' is an empty list; expected at least one extractor");
  }

  @Test
  void extractorListItemsAreCheckedLikeSingleExtractors() throws IOException {
    ConfigException e = refused(HEAD + SLUG_ROUTE + "    core:\n      new: [{json: \"/post\"}, {jsn: x}]\n");
    assertAt(e, 10, 31, "unknown key 'jsn' in item 2 of core.new of route 'post-read'");
  }

  private ConfigException refused(String yaml) throws IOException {
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, yaml);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
  }

  private static void assertAt(ConfigException e, int line, int column, String... gist) {
    assertThat(new int[] {e.line(), e.column()}).as(e.getMessage()).containsExactly(line, column);
    assertThat(e.file().getFileName()).hasToString("routes.yaml");
    assertThat(e.getMessage()).startsWith(e.file() + ":" + line + ":" + column + ": ");
    assertThat(e.reason()).contains(gist);
  }
}
