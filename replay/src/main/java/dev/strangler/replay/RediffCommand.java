package dev.strangler.replay;

import dev.strangler.config.EdgeConfig;
import dev.strangler.judge.Judge;
import dev.strangler.replay.input.Format;
import dev.strangler.replay.report.RunInfo;
import dev.strangler.replay.step.PairStep;
import dev.strangler.replay.step.RediffStep;
import dev.strangler.replay.step.Step;
import dev.strangler.replay.step.StoredRecordStep;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code replay rediff}: re-judges stored pairs under the current rules, without network. */
@Command(name = "rediff", mixinStandardHelpOptions = true,
    description = "Re-judges stored pairs under the current routes.yaml, without network: captures with a shadow "
        + "(extraction and comparison redone) and discrepancy JSONL (the stored cores compared again under the "
        + "current compare rules).")
final class RediffCommand extends ReplayCommand {
  @Option(names = "--format", paramLabel = "auto|capture|records", defaultValue = "auto",
      description = "Input format; auto tells it per file (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  Step step(EdgeConfig config) {
    return new RediffStep(new PairStep(new Judge(config.mask())), new StoredRecordStep(config.mask()));
  }

  @Override
  RunInfo runInfo(EdgeConfig config) {
    return RunInfo.of("rediff", false, null, null);
  }

  @Override
  Format format() {
    return format(format);
  }

  @Override
  Set<Format> usable() {
    return Set.of(Format.CAPTURE, Format.RECORDS);
  }

  @Override
  String unusableHint() {
    return "rediff needs stored pairs: captures with a shadow or discrepancy records; use replay run";
  }

  @Override
  boolean sends() {
    return false;
  }

  @Override
  boolean includeWrites() {
    return true;
  }

  @Override
  double rate() {
    return 0;
  }
}
