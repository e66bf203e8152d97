package dev.strangler.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * One JDBC connection shared by all callers, one unit of work at a time. State-store traffic is
 * a handful of operator actions, so serializing is cheaper and safer than a pool. A connection
 * that broke (e.g. a PostgreSQL restart) is replaced on the next use; one left idle for over a
 * second is checked before it is used, so the first call after a database restart does not fail
 * on a connection the restart closed.
 */
final class ConnectionHolder implements AutoCloseable {

  /** Work done on the connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final int CHECK_TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;
  private Connection connection;
  private long lastUsed;
  private boolean closed;

  ConnectionHolder(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs work in auto-commit mode (single reads). */
  synchronized <T> T read(Work<T> work) throws SQLException {
    Connection c = connection();
    try {
      return work.run(c);
    } catch (SQLException e) {
      discardIfBroken();
      throw e;
    }
  }

  /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
  synchronized <T> T inTransaction(Work<T> work) throws SQLException {
    Connection c = connection();
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      discardIfBroken();
      throw e;
    } finally {
      if (connection != null) {
        connection.setAutoCommit(true);
      }
    }
  }

  private Connection connection() throws SQLException {
    if (closed) {
      throw new IllegalStateException("the state store is closed");
    }
    if (connection != null && System.nanoTime() - lastUsed > CHECK_AFTER_IDLE_NANOS
        && !connection.isValid(CHECK_TIMEOUT_SECONDS)) {
      closeConnection();
    }
    if (connection == null) {
      connection = dataSource.getConnection();
    }
    lastUsed = System.nanoTime();
    return connection;
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void discardIfBroken() {
    try {
      if (connection != null && !connection.isValid(CHECK_TIMEOUT_SECONDS)) {
        closeConnection();
      }
    } catch (SQLException e) {
      closeConnection();
    }
  }

  private void closeConnection() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // the connection is gone either way
    } finally {
      connection = null;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    closeConnection();
  }
}
