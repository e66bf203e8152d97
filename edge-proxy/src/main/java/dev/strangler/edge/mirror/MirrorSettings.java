package dev.strangler.edge.mirror;

import java.time.Duration;

/**
 * The bounds and windows of the mirror side, each a named setting (built in, not in routes.yaml):
 * every queue, pool and file of the shadow path is bounded by one of these.
 *
 * @param mirrorConnections     mirror connections per shadow target and event loop (512)
 * @param mirrorAcquiresWaiting mirrors waiting for a mirror connection per target and loop, beyond
 *                              which a mirror is dropped, {@code mirror-pool-full} (256)
 * @param mirrorsInFlight       mirrors in flight, all routes together (4096); per route the bound
 *                              is the route's {@code shadow.max-in-flight}
 * @param judgeQueue            requests waiting for a judge thread, beyond which they are dropped,
 *                              {@code judge-queue-full} (4096)
 * @param judgeThreads          judge threads (half the cores, at least one)
 * @param writerQueue           discrepancy records waiting for the store (10,000)
 * @param samplesPerWindow      records stored whole per fingerprint and sample window; beyond it
 *                              they only add to their group's count (20)
 * @param sampleWindow          the sample window (1 min)
 * @param parityWindow          the window of each route's parity, {@code edge_shadow_parity} (10 min)
 * @param captureQueue          capture lines waiting for the disk (10,000)
 * @param captureFileBytes      compressed size at which a new capture file starts (64 MiB)
 * @param captureFileAge        age at which a new capture file starts (1 h)
 * @param captureFiles          capture files kept; older ones are deleted (48)
 */
public record MirrorSettings(
    int mirrorConnections,
    int mirrorAcquiresWaiting,
    int mirrorsInFlight,
    int judgeQueue,
    int judgeThreads,
    int writerQueue,
    int samplesPerWindow,
    Duration sampleWindow,
    Duration parityWindow,
    int captureQueue,
    long captureFileBytes,
    Duration captureFileAge,
    int captureFiles) {

  /** The production settings, with the defaults named above. */
  public static MirrorSettings defaults() {
    return new MirrorSettings(
        512,
        256,
        4096,
        4096,
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
        10_000,
        20,
        Duration.ofMinutes(1),
        Duration.ofMinutes(10),
        10_000,
        64L << 20,
        Duration.ofHours(1),
        48);
  }
}
