package dev.strangler.edge.rollout;

/** How a rollout ended, and the exit status of {@code edge rollout} for it. */
enum RolloutEnd {
  /** Every step was taken and held without a rollback or another change. */
  DONE(0),
  /** The admin API could not be used (unreachable, token refused, 5xx, bad request, unknown route). */
  ADMIN_ERROR(2),
  /** The guard rolled the route back during a hold. */
  GUARD_ROLLBACK(3),
  /** Someone else changed the route (a flip or weight change, or a 409 on a step). */
  CHANGED_BY_OTHERS(4),
  /** Interrupted (Ctrl-C): the weight stays where it was. */
  INTERRUPTED(130);

  final int exitCode;

  RolloutEnd(int exitCode) {
    this.exitCode = exitCode;
  }
}
