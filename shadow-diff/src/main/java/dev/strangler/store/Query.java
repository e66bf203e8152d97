package dev.strangler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A SELECT with optional filters: a filter whose value is null is left out. */
final class Query {
  private final StringBuilder sql;
  private final List<Object> params = new ArrayList<>();
  private boolean hasWhere;

  Query(String select) {
    this.sql = new StringBuilder(select);
  }

  /** Adds {@code condition} (with one ?) when value is not null. */
  Query where(String condition, Object value) {
    return where(value != null, condition, value);
  }

  /** Adds {@code condition} (with one ? per value) when {@code applies}. */
  Query where(boolean applies, String condition, Object... values) {
    if (applies) {
      sql.append(hasWhere ? " AND " : " WHERE ").append(condition);
      params.addAll(List.of(values));
      hasWhere = true;
    }
    return this;
  }

  /** Appends the tail (ordering, limit) and its parameters. */
  Query end(String tail, Object... values) {
    sql.append(tail);
    params.addAll(List.of(values));
    return this;
  }

  PreparedStatement prepare(Connection c) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql.toString());
    try {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
