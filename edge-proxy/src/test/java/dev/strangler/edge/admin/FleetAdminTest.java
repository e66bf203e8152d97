package dev.strangler.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.edge.admin.AdminClient.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet side of the admin API on one real edge: expect/409, instances, the audit's instance, health. */
class FleetAdminTest {
  @TempDir Path stateDir;
  private AdminHarness edge;

  @BeforeEach
  void start() {
    edge = AdminHarness.start(EdgeConfigFixture.config(stateDir));
  }

  @AfterEach
  void stop() {
    edge.close();
  }

  @Test
  void aFlipExpectingThePrimaryInForceIsTakenAndNamesTheInstance() throws Exception {
    Reply reply = cutover("{\"primary\":\"new\",\"expect\":\"legacy\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("from").asText()).isEqualTo("legacy");
    assertThat(reply.json().get("instance").asText()).isEqualTo(edge.fleet.instanceId());
    JsonNode audit = edge.client.get("/admin/audit", edge.bearer()).json().get("entries");
    assertThat(audit.get(0)).isEqualTo(reply.json());
  }

  @Test
  void aFlipExpectingAnotherPrimaryIs409WithWhatIsInForce() throws Exception {
    assertThat(cutover("{\"primary\":\"new\"}").status()).isEqualTo(200);

    Reply refused = cutover("{\"primary\":\"new\",\"expect\":\"legacy\",\"reason\":\"late\"}");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().toString()).isEqualTo("{\"error\":\"conflict\",\"primary\":\"new\",\"seq\":1}");
    assertThat(edge.store.audit(0, 10)).hasSize(1);
  }

  @Test
  void anExpectThatIsNoSideIs400() throws Exception {
    Reply reply = cutover("{\"primary\":\"new\",\"expect\":\"sideways\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).contains("expect");
    assertThat(edge.store.audit(0, 10)).isEmpty();
  }

  @Test
  void instancesListsThisEdgeAndNeedsTheToken() throws Exception {
    assertThat(edge.client.get("/admin/instances", null).status()).isEqualTo(401);
    assertThat(cutover("{\"primary\":\"new\"}").status()).isEqualTo(200);

    JsonNode self = awaitSelfAtSeq(1);
    assertThat(self.get("id").asText()).isEqualTo(edge.fleet.instanceId()).matches(".+-\\d+-[0-9a-f]{6}");
    assertThat(self.get("version").asText()).isEqualTo("dev");
    assertThat(self.get("state").asText()).isEqualTo("serving");
    assertThat(self.get("config_drift").asBoolean()).isFalse();
    assertThat(self.get("started").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(self.has("address") && self.has("last_seen") && self.has("config_hash")).isTrue();
  }

  @Test
  void healthSaysTheStoreIsUp() throws Exception {
    assertThat(edge.client.get("/health", null).json().toString()).isEqualTo("{\"status\":\"UP\",\"store\":\"up\"}");
    assertThat(edge.client.get("/metrics", null).body()).contains("edge_store_up 1.0").contains("edge_audit_seq_applied 0.0");
  }

  private Reply cutover(String body) throws Exception {
    return edge.client.post("/admin/routes/post-read/cutover", body, edge.bearer());
  }

  /** This edge's row once its heartbeat reports the given applied seq (beats come every second). */
  private JsonNode awaitSelfAtSeq(long seq) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      Reply reply = edge.client.get("/admin/instances", edge.bearer());
      assertThat(reply.status()).isEqualTo(200);
      JsonNode self = reply.json().get("instances").get(0);
      if (self.get("audit_seq").asLong() == seq || System.nanoTime() > deadline) {
        assertThat(self.get("audit_seq").asLong()).isEqualTo(seq);
        return self;
      }
      Thread.sleep(50);
    }
  }
}
