package dev.strangler.edge.fleet;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The fleet contract on PostgreSQL in a container (Testcontainers), where Docker exists; skipped
 * where it does not. The container's port is bound to a fixed host port, so that {@code docker
 * stop} and {@code docker start} make an outage and bring the same database back at the same
 * address.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPostgresFleetTest extends PostgresFleetContract {
  private static final int PORT = freePort();

  @Container
  private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:16-alpine")
      .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
          new PortBinding(Ports.Binding.bindPort(PORT), new ExposedPort(PostgreSQLContainer.POSTGRESQL_PORT))));

  @Override
  protected String startStore(Path dir) {
    String url = POSTGRES.getJdbcUrl();
    return url + (url.contains("?") ? "&" : "?") + "user=" + POSTGRES.getUsername()
        + "&password=" + POSTGRES.getPassword();
  }

  @Override
  protected String label() {
    return "PostgreSQL (Testcontainers)";
  }

  @Override
  protected void stopStore() {
    POSTGRES.getDockerClient().stopContainerCmd(POSTGRES.getContainerId()).exec();
  }

  @Override
  protected void restartStore() throws Exception {
    POSTGRES.getDockerClient().startContainerCmd(POSTGRES.getContainerId()).exec();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        DriverManager.getConnection(startStore(null)).close();
        return;
      } catch (SQLException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(100);
      }
    }
  }

  @Override
  protected void closeStore() {
    // the Testcontainers extension stops the container
  }

  private static int freePort() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
