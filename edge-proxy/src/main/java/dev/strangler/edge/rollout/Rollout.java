package dev.strangler.edge.rollout;

import dev.strangler.config.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A route's step plan: each step sets the weight (expecting the one set or read before), then
 * holds, reading the audit log every second. It stops at the first entry on the route that is
 * not its own: a guard rollback, or someone else's flip or weight change. One line per event.
 */
final class Rollout {
  private static final long POLL_MILLIS = 1000;

  private final AdminApi api;
  private final String route;
  private final List<Integer> steps;
  private final Duration hold;
  private final String holdText;
  private final String reason;
  private final PrintWriter out;
  private volatile int weight = -1;
  private volatile Integer setting;

  Rollout(AdminApi api, String route, Steps steps, Duration hold, String reason, PrintWriter out) {
    this.api = api;
    this.route = route;
    this.steps = steps.weights();
    this.hold = hold;
    this.holdText = Durations.format(hold);
    this.reason = reason;
    this.out = out;
  }

  /** Runs the plan; an admin API failure ends it with {@link AdminError}, the weight left as it is. */
  RolloutEnd run() throws AdminError, InterruptedException {
    RouteState start = api.route(route);
    weight = start.weight();
    say("route %s at weight %d%%, %s; steps %s, hold %s each", route, weight, start.parityText(), steps, holdText);
    for (int i = 0; i < steps.size(); i++) {
      int step = steps.get(i);
      String n = (i + 1) + "/" + steps.size();
      if (step <= weight) {
        say("step %s: %d%% skipped, weight %d%% already in force", n, step, weight);
        continue;
      }
      AuditEvent taken;
      setting = step;
      try {
        taken = api.setWeight(route, step, weight, reasonOf(i));
      } catch (WeightConflict c) {
        return conflict(n, c);
      } finally {
        setting = null;
      }
      int from = weight;
      weight = step;
      say("step %s: weight %d%% -> %d%% (seq %d), %s; holding %s", n, from, step, taken.seq(),
          api.route(route).parityText(), holdText);
      RolloutEnd stopped = hold(taken.seq());
      if (stopped != null) {
        return stopped;
      }
      say("step %s: held %s at %d%% without a rollback, %s", n, holdText, step, api.route(route).parityText());
    }
    say("done: route %s at weight %d%%", route, weight);
    return RolloutEnd.DONE;
  }

  /** Where the plan left the route, for a stop before its end (Ctrl-C, an admin API failure). */
  String whereLeft() {
    Integer pending = setting;
    if (pending != null) {
      return "the step to weight " + pending + "% was in flight: check GET /admin/routes for the weight in force";
    }
    return weight < 0 ? "no change made" : "route " + route + " left at weight " + weight + "%";
  }

  private RolloutEnd hold(long seq) throws AdminError, InterruptedException {
    long cursor = seq;
    long deadline = System.nanoTime() + hold.toNanos();
    while (true) {
      long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      Thread.sleep(Math.max(0, Math.min(POLL_MILLIS, left)));
      for (AuditEvent e : api.auditAfter(cursor)) {
        cursor = e.seq();
        if (e.route().equals(route)) {
          return stoppedBy(e);
        }
      }
      if (System.nanoTime() >= deadline) {
        return null;
      }
    }
  }

  private RolloutEnd conflict(String n, WeightConflict c) throws AdminError, InterruptedException {
    AuditEvent e = api.entry(c.seq);
    if (e == null) {
      say("step %s: refused (409): the route is at weight %d%% (seq %d), not the %d%% expected; stopping", n,
          c.weight, c.seq, weight);
      weight = c.weight;
      return RolloutEnd.CHANGED_BY_OTHERS;
    }
    say("step %s: refused (409): the route changed meanwhile", n);
    return stoppedBy(e);
  }

  private RolloutEnd stoppedBy(AuditEvent e) {
    weight = e.weight();
    if (e.byGuard()) {
      say("guard rollback: %s", e.describe());
      say("stopped: route %s at weight %d%%", route, weight);
      return RolloutEnd.GUARD_ROLLBACK;
    }
    say("changed by someone else: %s", e.describe());
    say("stopped: route %s at weight %d%%", route, weight);
    return RolloutEnd.CHANGED_BY_OTHERS;
  }

  private String reasonOf(int i) {
    String step = "rollout step " + (i + 1) + " of " + steps.size();
    return reason == null || reason.isBlank() ? step : reason.strip() + " (" + step + ")";
  }

  private void say(String format, Object... args) {
    out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, args));
    out.flush();
  }
}
