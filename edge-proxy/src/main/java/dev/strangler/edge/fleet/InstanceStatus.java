package dev.strangler.edge.fleet;

import dev.strangler.store.InstanceRecord;
import dev.strangler.store.InstanceState;

/**
 * One instance of the fleet as seen now.
 *
 * @param row         what its last heartbeat wrote
 * @param state       its state; {@code GONE} also when its heartbeat stopped
 * @param configDrift whether its routes.yaml differs from the one most live instances run
 */
public record InstanceStatus(InstanceRecord row, InstanceState state, boolean configDrift) {}
