package dev.strangler.edge.rollout;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edge rollout ROUTE --steps 1,5,25,100 --hold 10m}: raises a route's weight step by step
 * through the admin API while the guard stays quiet ({@link Rollout}). Exit status: 0 every step
 * held, 2 the admin API could not be used (or a bad option), 3 the guard rolled the route back,
 * 4 someone else changed the route, 130 interrupted (the weight stays where it was).
 */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    description = "Raises a route's weight step by step through the admin API; stops at the first guard rollback.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
        " 0:every step was taken and held",
        " 2:the admin API could not be used, or a bad option",
        " 3:the guard rolled the route back",
        " 4:someone else changed the route",
        "130:interrupted; the weight stays where it was"})
public final class RolloutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ROUTE", description = "the route id")
  String route;

  @Option(names = "--steps", required = true, paramLabel = "W,W,...", converter = Steps.Converter.class,
      description = "weights to take in turn, 1 to 100, rising (e.g. 1,5,25,100); steps at or below the weight in force are skipped")
  Steps steps;

  @Option(names = "--hold", required = true, paramLabel = "DURATION", converter = HoldConverter.class,
      description = "how long each step holds while the guard is watched (e.g. 30s, 10m)")
  Duration hold;

  @Option(names = "--reason", paramLabel = "TEXT",
      description = "reason recorded in the audit log with each step (default: rollout step N of M)")
  String reason;

  @Option(names = "--admin", paramLabel = "URL",
      description = "admin API (default: admin.listen of --config, else http://127.0.0.1:9901)")
  URI admin;

  @Option(names = "--config", paramLabel = "FILE",
      description = "routes.yaml giving admin.listen and admin.token (or its state dir's token file)")
  Path config;

  @Option(names = "--token-env", defaultValue = "EDGE_ADMIN_TOKEN", paramLabel = "NAME",
      description = "environment variable holding the admin token (default: ${DEFAULT-VALUE})")
  String tokenEnv;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Rollout rollout;
    try {
      AdminTarget target = AdminTarget.resolve(admin, config, tokenEnv, System::getenv);
      rollout = new Rollout(new AdminApi(target), route, steps, hold, reason, out);
    } catch (AdminError e) {
      return fail(err, e);
    }
    Thread onSignal = new Thread(() -> interrupted(out, rollout), "rollout-interrupted");
    Runtime.getRuntime().addShutdownHook(onSignal);
    try {
      return rollout.run().exitCode;
    } catch (AdminError e) {
      out.println("stopped: " + rollout.whereLeft());
      out.flush();
      return fail(err, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return interrupted(out, rollout);
    } finally {
      removeHook(onSignal);
    }
  }

  private static int interrupted(PrintWriter out, Rollout rollout) {
    out.println("interrupted: " + rollout.whereLeft());
    out.flush();
    return RolloutEnd.INTERRUPTED.exitCode;
  }

  private static int fail(PrintWriter err, AdminError e) {
    err.println("edge rollout: " + e.getMessage());
    err.flush();
    return RolloutEnd.ADMIN_ERROR.exitCode;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is stopping: the hook runs and prints where the weight was left
    }
  }
}
