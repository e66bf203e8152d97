package dev.strangler.edge.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strangler.edge.fleet.InstanceStatus;
import dev.strangler.store.InstanceRecord;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code GET /admin/instances}: every edge instance sharing the state store, by id. */
@Serdeable
record InstancesView(List<Instance> instances) {

  /** One instance; times are ISO-8601 UTC with milliseconds. */
  @Serdeable
  record Instance(
      String id,
      String address,
      String version,
      String started,
      @JsonProperty("last_seen") String lastSeen,
      @JsonProperty("config_hash") String configHash,
      @JsonProperty("audit_seq") long auditSeq,
      String state,
      @JsonProperty("config_drift") boolean configDrift) {

    static Instance of(InstanceStatus s) {
      InstanceRecord r = s.row();
      return new Instance(r.id(), r.address(), r.version(), AdminTimes.format(r.started()),
          AdminTimes.format(r.lastSeen()), r.configHash(), r.auditSeq(), s.state().id(), s.configDrift());
    }
  }

  static InstancesView of(List<InstanceStatus> fleet) {
    return new InstancesView(fleet.stream().map(Instance::of).toList());
  }
}
