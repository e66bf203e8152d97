package dev.strangler.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL's word that a flip was committed: a dedicated connection that {@code LISTEN}s on the
 * channel every flip {@code NOTIFY}s inside its transaction (so the word arrives only once the
 * flip is visible). Obtained from {@link StateStore#listen()}. One thread at a time; blocking.
 */
public final class AuditListener implements AutoCloseable {
  static final String CHANNEL = "edge_audit";

  private final Connection connection;
  private final PGConnection pg;

  private AuditListener(Connection connection) throws SQLException {
    this.connection = connection;
    this.pg = connection.unwrap(PGConnection.class);
    try (Statement st = connection.createStatement()) {
      st.execute("LISTEN " + CHANNEL);
    }
  }

  static AuditListener open(DataSource dataSource) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      return new AuditListener(c);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new StoreException("cannot listen for flips", e);
    }
  }

  /**
   * Waits up to {@code timeoutMillis} (at least 1) for flips committed by any instance.
   *
   * @return whether at least one was announced
   * @throws StoreException when the connection is lost; open a new listener then
   */
  public boolean await(int timeoutMillis) {
    try {
      PGNotification[] notes = pg.getNotifications(Math.max(1, timeoutMillis));
      return notes != null && notes.length > 0;
    } catch (SQLException e) {
      throw new StoreException("lost the connection that listens for flips", e);
    }
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException ignored) {
      // the connection is gone either way
    }
  }
}
