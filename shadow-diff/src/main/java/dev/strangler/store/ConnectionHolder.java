package dev.strangler.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One JDBC connection shared by all callers, one unit of work at a time. State-store traffic is
 * a handful of operator actions, so serializing is cheaper and safer than a pool. A connection
 * that broke (e.g. a PostgreSQL restart) is replaced on the next use.
 */
final class ConnectionHolder implements AutoCloseable {

  /** Work done on the connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource dataSource;
  private Connection connection;
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
    if (connection == null) {
      connection = dataSource.getConnection();
    }
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
      if (connection != null && !connection.isValid(2)) {
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
