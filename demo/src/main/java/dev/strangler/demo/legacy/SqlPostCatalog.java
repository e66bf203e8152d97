package dev.strangler.demo.legacy;

import dev.strangler.demo.blog.Comment;
import dev.strangler.demo.blog.CommentDraft;
import dev.strangler.demo.blog.Post;
import dev.strangler.demo.blog.PostCatalog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The legacy app's storage, "the old SQL app": normalised posts, tags and comments tables in an
 * in-memory SQLite database behind one synchronised connection.
 */
final class SqlPostCatalog implements PostCatalog, AutoCloseable {
  private static final String[] SCHEMA = {
    "CREATE TABLE posts (slug TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL,"
        + " updated_at TEXT NOT NULL)",
    "CREATE TABLE post_tags (slug TEXT NOT NULL REFERENCES posts(slug), position INTEGER NOT NULL,"
        + " tag TEXT NOT NULL, PRIMARY KEY (slug, position))",
    "CREATE TABLE comments (slug TEXT NOT NULL REFERENCES posts(slug), position INTEGER NOT NULL,"
        + " id TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (slug, position))"
  };

  private final Connection db;
  private final Clock clock;

  private SqlPostCatalog(Connection db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A fresh in-memory database holding {@code seed}. */
  static SqlPostCatalog create(List<Post> seed, Clock clock) {
    try {
      Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
      try (Statement statement = db.createStatement()) {
        for (String ddl : SCHEMA) {
          statement.execute(ddl);
        }
      }
      SqlPostCatalog catalog = new SqlPostCatalog(db, clock);
      catalog.inTransaction(() -> {
        for (Post post : seed) {
          catalog.insert(post);
        }
      });
      return catalog;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the legacy database", e);
    }
  }

  @Override
  public synchronized List<Post> posts() {
    List<String> slugs = new ArrayList<>();
    query("SELECT slug FROM posts", List.of(), rs -> slugs.add(rs.getString(1)));
    return slugs.stream().map(this::load).flatMap(Optional::stream).sorted(Post.NEWEST_FIRST).toList();
  }

  @Override
  public synchronized Optional<Post> post(String slug) {
    return load(slug);
  }

  @Override
  public synchronized Optional<Post> addComment(String slug, CommentDraft draft, boolean dryRun) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Optional<Post> updated = load(slug).map(post -> post.withComment(draft, now));
    if (!dryRun) {
      updated.ifPresent(post -> inTransaction(() -> {
        insertComment(slug, post.comments().size(), post.lastComment());
        update("UPDATE posts SET updated_at = ? WHERE slug = ?", now.toString(), slug);
      }));
    }
    return updated;
  }

  @Override
  public synchronized void close() throws SQLException {
    db.close();
  }

  private Optional<Post> load(String slug) {
    List<String[]> rows = new ArrayList<>();
    query("SELECT title, body, updated_at FROM posts WHERE slug = ?", List.of(slug),
        rs -> rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<String> tags = new ArrayList<>();
    query("SELECT tag FROM post_tags WHERE slug = ? ORDER BY position", List.of(slug),
        rs -> tags.add(rs.getString(1)));
    List<Comment> comments = new ArrayList<>();
    query("SELECT id, author, text FROM comments WHERE slug = ? ORDER BY position", List.of(slug),
        rs -> comments.add(new Comment(rs.getString(1), rs.getString(2), rs.getString(3))));
    String[] row = rows.get(0);
    return Optional.of(new Post(slug, row[0], row[1], tags, comments, Instant.parse(row[2])));
  }

  private void insert(Post post) {
    update("INSERT INTO posts (slug, title, body, updated_at) VALUES (?, ?, ?, ?)",
        post.slug(), post.title(), post.body(), post.updatedAt().toString());
    for (int i = 0; i < post.tags().size(); i++) {
      update("INSERT INTO post_tags (slug, position, tag) VALUES (?, ?, ?)",
          post.slug(), i + 1, post.tags().get(i));
    }
    for (int i = 0; i < post.comments().size(); i++) {
      insertComment(post.slug(), i + 1, post.comments().get(i));
    }
  }

  private void insertComment(String slug, int position, Comment comment) {
    update("INSERT INTO comments (slug, position, id, author, text) VALUES (?, ?, ?, ?, ?)",
        slug, position, comment.id(), comment.author(), comment.text());
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, List<Object> params, RowReader reader) {
    try (PreparedStatement statement = prepare(sql, params.toArray());
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        reader.read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("legacy query failed: " + sql, e);
    }
  }

  private void update(String sql, Object... params) {
    try (PreparedStatement statement = prepare(sql, params)) {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("legacy update failed: " + sql, e);
    }
  }

  private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
    return statement;
  }

  private void inTransaction(Runnable work) {
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } catch (RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("legacy transaction failed", e);
    }
  }
}
