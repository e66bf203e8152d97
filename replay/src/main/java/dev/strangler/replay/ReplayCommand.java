package dev.strangler.replay;

import dev.strangler.config.ConfigException;
import dev.strangler.config.ConfigLoader;
import dev.strangler.config.EdgeConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.replay.input.Format;
import dev.strangler.replay.input.Inputs;
import dev.strangler.replay.report.Gate;
import dev.strangler.replay.report.Report;
import dev.strangler.replay.report.ReportBuilder;
import dev.strangler.replay.report.RunInfo;
import dev.strangler.replay.send.Pacer;
import dev.strangler.replay.step.ReplayNoise;
import dev.strangler.replay.step.Selection;
import dev.strangler.replay.step.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What {@code run} and {@code rediff} share: config, inputs, selection, the job, the exit code. */
abstract class ReplayCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @ParentCommand
  ReplayMain main;

  /** The step that judges selected items, built after the config is loaded. */
  abstract Step step(EdgeConfig config);

  /** The kind of run, for the report. */
  abstract RunInfo runInfo(EdgeConfig config);

  /** The format forced by --format, or null for auto. */
  abstract Format format();

  /** The formats this command reads, and what to say of others. */
  abstract Set<Format> usable();

  abstract String unusableHint();

  /** Whether the command sends requests (and so skips writes and disabled routes). */
  abstract boolean sends();

  abstract boolean includeWrites();

  /** Requests sent a second at most; 0 for no limit. */
  abstract double rate();

  /** Noise learning of the run; off unless a command turns it on. */
  ReplayNoise noise() {
    return ReplayNoise.OFF;
  }

  @Override
  public Integer call() throws IOException {
    PrintStream err = main.err();
    EdgeConfig config;
    try {
      config = ConfigLoader.load(common.config);
    } catch (ConfigException e) {
      err.println("replay: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    List<String> ids = config.routes().stream().map(RouteConfig::id).toList();
    Gate gate = gate(ids);
    checkOptions(ids);
    Selection selection = new Selection(config.routes(),
        common.methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toSet()),
        Set.copyOf(common.routes), sends(), includeWrites());
    Inputs inputs = new Inputs(common.inputs, format(), usable(), unusableHint());
    ReplayJob.Settings settings = new ReplayJob.Settings(common.concurrency, Pacer.perSecond(rate()), common.limit,
        common.report, System.console() != null, err, Clock.systemUTC());
    Step step = step(config);
    Report report = new ReplayJob(inputs, selection, step, settings,
        new ReportBuilder(ids, gate, records -> noise().reports(config.routes(), records)), runInfo(config)).run();
    Summary.print(report, common.report, main.out());
    if (!report.complete() && !common.allowIncomplete) {
      return ExitCodes.INCOMPLETE;
    }
    return report.gatePassed() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
  }

  private Gate gate(List<String> ids) {
    try {
      return GateOptions.parse(common.failUnder, Set.copyOf(ids));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void checkOptions(List<String> ids) {
    if (common.concurrency < 1) {
      throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1");
    }
    if (common.limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
    for (String route : common.routes) {
      if (!ids.contains(route)) {
        throw new ParameterException(spec.commandLine(), "--routes: routes.yaml has no route '" + route + "'");
      }
    }
  }

  /** Parses --format against the formats this command reads. */
  Format format(String value) {
    if (value.equalsIgnoreCase("auto")) {
      return null;
    }
    for (Format f : usable()) {
      if (f.id().equalsIgnoreCase(value)) {
        return f;
      }
    }
    throw new ParameterException(spec.commandLine(), "--format " + value + ": expected auto or one of "
        + usable().stream().map(Format::id).sorted().collect(Collectors.joining(", ")));
  }
}
