package dev.strangler.config;

import dev.strangler.routing.Side;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code upstreams}: exactly the two sides, {@code legacy} and {@code new}, each
 * {@code {targets: [http://host:port, ...], eject-after: 5, eject-for: 10s, mirror-pipelining: 16}}.
 */
final class UpstreamsReader {
  private static final List<String> SIDES =
      Arrays.stream(Side.values()).map(Side::id).toList();
  private static final List<String> KEYS = List.of("targets", "eject-after", "eject-for", "mirror-pipelining");
  private static final int MAX_PIPELINING = 256;
  private static final String URL_FORM =
      "expected an http URL with host and port and nothing after them, like http://127.0.0.1:5001";

  private final NodeReader nodes;

  UpstreamsReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  Map<String, UpstreamConfig> read(Node node) throws ConfigException {
    Fields upstreams = nodes.mapping(node, "upstreams");
    Map<String, UpstreamConfig> result = new LinkedHashMap<>();
    for (Fields.Field f : upstreams.all()) {
      if (!SIDES.contains(f.key())) {
        throw nodes.error(f.keyNode(), "unknown upstream '" + f.key()
            + "' in upstreams; expected legacy and new, the two sides of the migration");
      }
      result.put(f.key(), upstream(f.key(), nodes.fields(f.value(), "upstreams." + f.key(), KEYS)));
    }
    for (Side side : Side.values()) {
      if (!result.containsKey(side.id())) {
        throw nodes.error(node, "missing upstream '" + side.id()
            + "' in upstreams; both legacy and new are required");
      }
    }
    return result;
  }

  private UpstreamConfig upstream(String name, Fields f) throws ConfigException {
    f.require("targets");
    List<URI> targets =
        f.nonEmptyList("targets", List.of(), UpstreamsReader::target, "[\"http://127.0.0.1:5001\"]");
    int ejectAfter = f.value("eject-after", 5, Values::positiveInt);
    Duration ejectFor = f.value("eject-for", Duration.ofSeconds(10), Durations::parse);
    int pipelining = f.value("mirror-pipelining", UpstreamConfig.DEFAULT_MIRROR_PIPELINING, UpstreamsReader::pipelining);
    return new UpstreamConfig(name, targets, ejectAfter, ejectFor, pipelining);
  }

  private static int pipelining(String text) {
    try {
      int n = Values.positiveInt(text);
      if (n <= MAX_PIPELINING) {
        return n;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected a whole number from 1 (one mirror at a time) to " + MAX_PIPELINING);
  }

  /** {@code http://host:port}, normalised without a trailing slash. */
  static URI target(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(URL_FORM);
    }
    boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
        && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0
        || !bare) {
      throw new IllegalArgumentException(URL_FORM);
    }
    return URI.create("http://" + uri.getRawAuthority());
  }
}
