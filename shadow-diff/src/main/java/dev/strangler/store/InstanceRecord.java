package dev.strangler.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One edge instance's row in the fleet table, as its last heartbeat wrote it.
 *
 * @param id         instance name ({@code state.instance}, or generated)
 * @param address    where its data plane listens (host:port)
 * @param version    product version it runs
 * @param started    when it started
 * @param lastSeen   its last heartbeat (its own clock)
 * @param configHash sha-256 (hex) of the routes.yaml it runs
 * @param auditSeq   the last audit entry it has applied
 * @param state      what it said it was doing
 */
public record InstanceRecord(
    String id,
    String address,
    String version,
    Instant started,
    Instant lastSeen,
    String configHash,
    long auditSeq,
    InstanceState state) {

  public InstanceRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(configHash, "configHash");
    Objects.requireNonNull(state, "state");
  }
}
