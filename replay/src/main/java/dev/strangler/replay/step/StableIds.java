package dev.strangler.replay.step;

import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.replay.input.Position;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Record ids derived from where the exchange was read, so the same input gives the same ids run
 * after run, whatever the concurrency: {@code rp-} and 20 hex digits of the SHA-256 of
 * {@code fileIndex:file:seq}.
 */
public final class StableIds {
  private StableIds() {}

  /** The id of the record of the item at {@code p}. */
  public static String of(Position p) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((p.fileIndex() + ":" + p.file() + ":" + p.seq()).getBytes(StandardCharsets.UTF_8));
      return "rp-" + HexFormat.of().formatHex(hash).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The record with the id of the item at {@code p} (its time is already the recorded one). */
  public static DiscrepancyRecord apply(DiscrepancyRecord r, Position p) {
    return new DiscrepancyRecord(of(p), r.at(), r.route(), r.method(), r.path(), r.query(), r.requestId(),
        r.servedBy(), r.outcome(), r.legacy(), r.fresh(), r.diffs(), r.fingerprint(), r.reason());
  }
}
