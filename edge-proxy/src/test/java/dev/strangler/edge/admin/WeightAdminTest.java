package dev.strangler.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.edge.admin.AdminClient.Reply;
import dev.strangler.routing.Weight;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /admin/routes/{id}/weight} over real sockets, on a real SQLite state store. */
class WeightAdminTest {
  private static final String PATH = "/admin/routes/post-read/weight";
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
  void aWeightIsTakenAuditedAndShownByTheRoutes() throws Exception {
    Reply reply = post("{\"new\": 20, \"reason\": \"canary\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("action").asText()).isEqualTo("weight");
    assertThat(reply.json().get("weight").toString()).isEqualTo("{\"from\":0,\"to\":20}");
    assertThat(reply.json().get("from").asText()).isEqualTo("legacy");
    assertThat(reply.json().get("to").asText()).isEqualTo("legacy");
    assertThat(reply.json().get("reason").asText()).isEqualTo("canary");
    assertThat(edge.routes.current().weightOf(edge.routes.current().route("post-read").orElseThrow()))
        .isEqualTo(new Weight(20));

    JsonNode route = route("post-read");
    assertThat(route.get("weight").toString()).isEqualTo("{\"new\":20}");
    assertThat(route.get("primary").asText()).isEqualTo("legacy");
    assertThat(route.get("source").asText()).isEqualTo("override");
    assertThat(route.get("sticky").asText()).isEqualTo("address");
    assertThat(route("everything-else").get("weight").toString()).isEqualTo("{\"new\":0}");

    Reply flip = edge.client.post("/admin/routes/post-read/cutover", "{\"primary\":\"new\",\"reason\":\"done\"}",
        edge.bearer());
    assertThat(flip.json().get("action").asText()).isEqualTo("cutover");
    assertThat(flip.json().get("weight").toString()).isEqualTo("{\"from\":20,\"to\":100}");
    assertThat(route("post-read").get("weight").toString()).isEqualTo("{\"new\":100}");
    assertThat(route("post-read").get("primary").asText()).isEqualTo("new");

    JsonNode entries = edge.client.get("/admin/audit", edge.bearer()).json().get("entries");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0)).isEqualTo(reply.json());
    assertThat(entries.get(1)).isEqualTo(flip.json());
  }

  @Test
  void badWeightsAre400WithAClearErrorAndChangeNothing() throws Exception {
    List<List<String>> cases = List.of(
        List.of("{\"reason\": \"r\"}", "new is required"),
        List.of("{\"new\": -1, \"reason\": \"r\"}", "new must be from 0 to 100, got -1"),
        List.of("{\"new\": 101, \"reason\": \"r\"}", "new must be from 0 to 100, got 101"),
        List.of("{\"new\": 20.5, \"reason\": \"r\"}", "new must be an integer from 0 to 100"),
        List.of("{\"new\": \"20\", \"reason\": \"r\"}", "new must be an integer from 0 to 100, got the string \"20\""),
        List.of("{\"new\": null, \"reason\": \"r\"}", "new is required"),
        List.of("{\"new\": 20}", "reason is required"),
        List.of("{\"new\": 20, \"reason\": \"  \"}", "reason is required"),
        List.of("{\"new\": 20, \"reason\": 5}", "reason is required"),
        List.of("{\"new\": 20, \"reason\": \"r\", \"expect\": 200}", "expect must be from 0 to 100"),
        List.of("{\"new\": 20, \"reason\": \"r\", \"expect\": \"legacy\"}", "expect must be an integer"),
        List.of("{\"new\": 20, \"reason\": \"r\", \"primary\": \"new\"}", "unknown field 'primary'"),
        List.of("{\"new\": 20, \"reason\": \"" + "x".repeat(RoutesController.MAX_REASON + 1) + "\"}",
            "reason is longer than"));
    for (List<String> c : cases) {
      Reply reply = post(c.get(0));
      assertThat(reply.status()).as(c.get(0) + " -> " + reply.body()).isEqualTo(400);
      assertThat(reply.json().get("error").asText()).as(c.get(0)).contains(c.get(1));
    }
    assertThat(edge.store.audit(0, 10)).isEmpty();
    assertThat(edge.store.overrides()).isEmpty();
  }

  @Test
  void anUnknownRouteIs404() throws Exception {
    Reply reply = edge.client.post("/admin/routes/nope/weight", "{\"new\": 20, \"reason\": \"r\"}", edge.bearer());
    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void aWeightExpectingAnotherIs409WithTheWeightInForce() throws Exception {
    assertThat(post("{\"new\": 20, \"reason\": \"canary\", \"expect\": 0}").status()).isEqualTo(200);

    Reply refused = post("{\"new\": 50, \"reason\": \"more\", \"expect\": 10}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().toString())
        .isEqualTo("{\"error\":\"conflict\",\"primary\":\"legacy\",\"seq\":1,\"weight\":{\"new\":20}}");

    Reply flip = edge.client.post("/admin/routes/post-read/cutover",
        "{\"primary\":\"new\",\"expect\":\"legacy\",\"reason\":\"a partial weight is not legacy\"}", edge.bearer());
    assertThat(flip.status()).isEqualTo(409);
    assertThat(post("{\"new\": 50, \"reason\": \"more\", \"expect\": 20}").status()).isEqualTo(200);
    assertThat(edge.store.audit(0, 10)).hasSize(2);
  }

  @Test
  void theActorHeaderNamesWhoChangedIt() throws Exception {
    Reply reply = edge.client.post(PATH, "{\"new\": 5, \"reason\": \"canary\"}", edge.bearer(), "X-Actor", "alice");
    assertThat(reply.json().get("actor").asText()).isEqualTo("alice");
    assertThat(reply.json().get("instance").asText()).isEqualTo(edge.fleet.instanceId());
  }

  private Reply post(String body) throws Exception {
    return edge.client.post(PATH, body, edge.bearer());
  }

  private JsonNode route(String id) throws Exception {
    for (JsonNode r : edge.client.get("/admin/routes", edge.bearer()).json().get("routes")) {
      if (r.get("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no route " + id);
  }
}
