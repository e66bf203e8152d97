package dev.strangler.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strangler.config.ConfigException;
import dev.strangler.config.ConfigLoader;
import dev.strangler.config.EdgeConfig;
import dev.strangler.config.NoiseConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.noise.NoiseLearning;
import dev.strangler.noise.NoiseModel;
import dev.strangler.noise.NoiseReport;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
import dev.strangler.record.SideResult;
import dev.strangler.replay.input.Format;
import dev.strangler.replay.input.Inputs;
import dev.strangler.replay.input.Problem;
import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.input.StoredRecord;
import dev.strangler.replay.step.Decision;
import dev.strangler.replay.step.Selection;
import dev.strangler.routing.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code replay suggest}: learns noise from stored traffic, without network, and prints what
 * {@code GET /admin/routes/{id}/noise} shows. Two answers of the same side to the same request
 * (method and target) are a same-side pair: consecutive captures of one request, or the cores of
 * consecutive discrepancy records of one request. The values of the records' diffs are classified
 * too (timestamps, UUIDs, request-id echoes, near numbers, reordered arrays).
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
    description = "Learns noise from captures or discrepancy JSONL (same request answered twice by one side) "
        + "and prints, per route, the noisy paths and the compare rules they suggest.")
final class SuggestCommand implements Callable<Integer> {
  /** Requests whose last answers are remembered at most; later new requests are not paired. */
  static final int MAX_REQUESTS = 100_000;
  /** Records kept for value classes at most. */
  static final int MAX_EXAMPLES = 10_000;

  @Option(names = "--config", required = true, paramLabel = "routes.yaml",
      description = "The edge's routes.yaml: routes, core extractors, compare rules.")
  Path config;

  @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE",
      description = "Captures or discrepancy JSONL (.gz is detected by content).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--min-observations", paramLabel = "N",
      description = "Same-side pairs a path needs before it can count as noise (default: the route's).")
  Integer minObservations;

  @Option(names = "--yaml", description = "Print only the suggested compare blocks, one per route.")
  boolean yaml;

  @ParentCommand
  ReplayMain main;

  private final NoiseLearning learning = new NoiseLearning(new NoiseModel());
  private final Map<String, Object> last = new HashMap<>();
  private final List<DiscrepancyRecord> examples = new ArrayList<>();
  private long unpaired;

  @Override
  public Integer call() throws Exception {
    EdgeConfig cfg;
    try {
      cfg = ConfigLoader.load(config);
    } catch (ConfigException e) {
      main.err().println("replay: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Selection selection = new Selection(cfg.routes(), Set.of(), Set.of(), false, true);
    new Inputs(inputs, null, Set.of(Format.CAPTURE, Format.RECORDS), "suggest reads captures or discrepancy JSONL")
        .read(item -> {
          if (item instanceof Problem p) {
            main.err().println("replay: skipped " + p.position() + ": " + p.reason());
          } else if (selection.decide(item) instanceof Decision.Judge d) {
            take(d.route(), item);
          }
          return true;
        });
    if (unpaired > 0) {
      main.err().println("replay: " + unpaired + " answers of requests past the first " + MAX_REQUESTS
          + " (or records past " + MAX_EXAMPLES + ") were not used");
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    for (RouteConfig r : cfg.routes()) {
      NoiseConfig rule = minObservations == null ? r.shadow().noise()
          : new NoiseConfig(r.shadow().noise().sample(), minObservations);
      List<DiscrepancyRecord> mine = examples.stream().filter(e -> e.route().equals(r.id())).toList();
      var counts = learning.model().counts(r.id());
      if (counts.observations() > 0 || !mine.isEmpty()) {
        NoiseReport report = NoiseReport.of(r.id(), counts, rule, mine, r.compare());
        main.out().println(yaml ? "# route " + r.id() + "\n" + report.suggestedYaml()
            : json.writeValueAsString(report.toJson()));
      }
    }
    return ExitCodes.OK;
  }

  private void take(RouteConfig route, Object item) {
    if (item instanceof RecordedExchange e) {
      String key = route.id() + " " + e.method() + " " + e.request().uri();
      pair(route, key + " " + e.servedBy().id(), e.servedBy(), e.recorded());
      if (e.shadow() != null && e.shadow().response() != null) {
        pair(route, key + " " + e.shadow().side().id(), e.shadow().side(), e.shadow().response());
      }
    } else if (item instanceof StoredRecord s) {
      DiscrepancyRecord r = s.record();
      if (r.outcome() != Outcome.MATCH && examples.size() < MAX_EXAMPLES) {
        examples.add(r);
      } else if (r.outcome() != Outcome.MATCH) {
        unpaired++;
      }
      String key = route.id() + " " + r.method() + " " + r.path() + "?" + r.query();
      cores(route, key + " legacy", r.legacy());
      cores(route, key + " new", r.fresh());
    }
  }

  private void pair(RouteConfig route, String key, Side side, CapturedResponse answer) {
    if (answer == null) {
      return;
    }
    Object before = remember(key, answer);
    if (before instanceof CapturedResponse prior) {
      learning.learn(route, side, prior, answer);
    }
  }

  private void cores(RouteConfig route, String key, SideResult side) {
    if (side == null || side.core() == null || side.status() == null || side.status() / 100 != 2) {
      return;
    }
    Object before = remember(key, side.core());
    if (before instanceof JsonNode prior) {
      learning.learn(route, prior, side.core());
    }
  }

  private Object remember(String key, Object value) {
    if (last.size() < MAX_REQUESTS || last.containsKey(key)) {
      return last.put(key, value);
    }
    unpaired++;
    return null;
  }
}
