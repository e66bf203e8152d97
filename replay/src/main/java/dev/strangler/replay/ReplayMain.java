package dev.strangler.replay;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The replay CLI: {@code replay run ...} and {@code replay rediff ...}. Exit codes: 0 complete
 * and gate passed, 1 gate failed, 2 incomplete run (unless --allow-incomplete) or bad usage or
 * config.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, version = "replay 0.1.0",
    subcommands = {RunCommand.class, RediffCommand.class, SuggestCommand.class},
    description = "Replays recorded traffic through the edge's shadow-diff comparison to prove parity before a cutover.")
public final class ReplayMain implements Runnable {
  private final PrintStream out;
  private final PrintStream err;

  @Spec
  CommandSpec spec;

  private ReplayMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(execute(System.out, System.err, args));
  }

  /** Runs the CLI with the given streams and returns the exit code. */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new ReplayMain(out, err))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("replay: " + e);
          return ExitCodes.INCOMPLETE;
        });
    return cli.execute(args);
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: run, rediff or suggest");
  }
}
