package dev.strangler.replay;

import dev.strangler.config.EdgeConfig;
import dev.strangler.judge.Judge;
import dev.strangler.replay.input.Format;
import dev.strangler.replay.report.RunInfo;
import dev.strangler.replay.send.Sender;
import dev.strangler.replay.step.LiveStep;
import dev.strangler.replay.step.RecordedStep;
import dev.strangler.replay.step.ReplayNoise;
import dev.strangler.replay.step.Step;
import dev.strangler.replay.step.Targets;
import dev.strangler.routing.Side;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code replay run}: sends recorded requests to the sides and judges their answers. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Sends recorded requests (edge captures, HAR 1.2, Caddy JSON access logs) to both sides, "
        + "or with --against-recorded to the new side only against the recorded legacy answer, and judges "
        + "each pair under its route's rules from routes.yaml: the comparison the edge uses.")
final class RunCommand extends ReplayCommand {
  @Option(names = "--format", paramLabel = "auto|capture|har|caddy", defaultValue = "auto",
      description = "Input format; auto tells it per file (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--legacy", paramLabel = "URL", description = "Legacy base URL (default: the first legacy target).")
  URI legacy;

  @Option(names = "--new", paramLabel = "URL", description = "New base URL (default: the first new target).")
  URI fresh;

  @Option(names = "--against-recorded",
      description = "Send to the new side only; compare with the recorded legacy answer.")
  boolean againstRecorded;

  @Option(names = "--rate", paramLabel = "R/s", defaultValue = "0",
      description = "Requests a second at most, e.g. 50 or 50/s; 0 for no limit.")
  String rate;

  @Option(names = "--include-writes", description = "Also send unsafe methods (not GET/HEAD/OPTIONS); skipped otherwise.")
  boolean includeWrites;

  @Option(names = "--noise-sample", paramLabel = "P", defaultValue = "0",
      description = "Noise learning: ask the route's primary (the new side with --against-recorded) a second time "
          + "for this fraction of the GETs, learn what differs within one side, report diffs made only of it "
          + "as noise (default: ${DEFAULT-VALUE}, off).")
  double noiseSample;

  private ReplayNoise noise;

  @Override
  Step step(EdgeConfig config) {
    Targets targets = new Targets(new Sender(config.defaults().timeouts().connect()),
        Map.of(Side.LEGACY, base(config, Side.LEGACY), Side.NEW, base(config, Side.NEW)));
    Judge judge = new Judge(config.mask());
    return againstRecorded ? new RecordedStep(judge, targets, noise()) : new LiveStep(judge, targets, noise());
  }

  @Override
  ReplayNoise noise() {
    if (noiseSample < 0 || noiseSample > 1) {
      throw new ParameterException(spec.commandLine(), "--noise-sample " + noiseSample + ": expected a fraction from 0 to 1");
    }
    if (noise == null) {
      noise = noiseSample == 0 ? ReplayNoise.OFF : new ReplayNoise(noiseSample);
    }
    return noise;
  }

  @Override
  RunInfo runInfo(EdgeConfig config) {
    return RunInfo.of("run", againstRecorded, againstRecorded ? null : base(config, Side.LEGACY).toString(),
        base(config, Side.NEW).toString());
  }

  private URI base(EdgeConfig config, Side side) {
    URI given = side == Side.LEGACY ? legacy : fresh;
    URI uri = given != null ? given : config.upstreams().get(side.id()).targets().get(0);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new ParameterException(spec.commandLine(), "--" + side.id() + " " + uri + ": expected an http(s)://host:port URL");
    }
    return uri;
  }

  @Override
  Format format() {
    return format(format);
  }

  @Override
  Set<Format> usable() {
    return Set.of(Format.CAPTURE, Format.HAR, Format.CADDY);
  }

  @Override
  String unusableHint() {
    return "discrepancy records carry no request to send; use replay rediff";
  }

  @Override
  boolean sends() {
    return true;
  }

  @Override
  boolean includeWrites() {
    return includeWrites;
  }

  @Override
  double rate() {
    String r = rate.strip().toLowerCase(Locale.ROOT);
    if (r.endsWith("/s")) {
      r = r.substring(0, r.length() - 2);
    }
    try {
      double v = Double.parseDouble(r);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ParameterException(spec.commandLine(), "--rate " + rate + ": expected requests a second, e.g. 50 or 50/s");
  }
}
