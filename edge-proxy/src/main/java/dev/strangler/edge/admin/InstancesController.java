package dev.strangler.edge.admin;

import dev.strangler.edge.fleet.Fleet;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The edge instances sharing the state store, as their heartbeats describe them. */
@Controller("/admin/instances")
final class InstancesController {
  private final Fleet fleet;

  InstancesController(Fleet fleet) {
    this.fleet = fleet;
  }

  /** Reads the fleet table (JDBC), so it runs on the blocking executor. */
  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  InstancesView list() {
    return InstancesView.of(fleet.instances());
  }
}
