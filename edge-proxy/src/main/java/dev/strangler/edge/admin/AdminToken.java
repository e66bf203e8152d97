package dev.strangler.edge.admin;

import dev.strangler.config.AdminConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token guarding {@code /admin/*}: the one configured in routes.yaml, or else one
 * generated once into {@code <stateDir>/admin.token} (owner-only) and reused on later starts.
 * Only a digest of the token is kept, and neither the token nor the digest is ever logged.
 */
public final class AdminToken {
  static final String FILE_NAME = "admin.token";
  private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final int TOKEN_BYTES = 32;
  private static final String BEARER = "bearer ";

  private final byte[] digest;
  private final Path file;

  private AdminToken(String token, Path file) {
    this.digest = sha256(token);
    this.file = file;
  }

  /**
   * The configured token, or the one in (or newly generated into) the state directory.
   *
   * @throws IOException when the token file cannot be read or written
   */
  static AdminToken resolve(AdminConfig admin, Path stateDir) throws IOException {
    if (!admin.token().isBlank()) {
      return new AdminToken(admin.token(), null);
    }
    Path file = fileIn(stateDir);
    return new AdminToken(readOrGenerate(file), file);
  }

  /** Where a generated token is kept in a state directory. */
  public static Path fileIn(Path stateDir) {
    return stateDir.resolve(FILE_NAME).toAbsolutePath();
  }

  /** The token file, or null when the token came from the config. */
  Path file() {
    return file;
  }

  /** Whether an {@code Authorization} header value carries this token (constant-time compare). */
  boolean accepts(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return false;
    }
    return matches(authorization.substring(BEARER.length()).strip());
  }

  /** Whether {@code presented} is this token (constant-time compare). */
  public boolean matches(String presented) {
    return MessageDigest.isEqual(digest, sha256(presented));
  }

  private static String readOrGenerate(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!existing.isEmpty()) {
        restrictToOwner(file);
        LOG.info("admin token read from {}", file);
        return existing;
      }
    }
    Path dir = file.getParent();
    Files.createDirectories(dir);
    String token = generate();
    Path tmp = Files.createTempFile(dir, ".admin.token", ".tmp", ownerOnly(dir));
    try {
      Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    LOG.info("admin token generated into {}", file);
    return token;
  }

  private static String generate() {
    byte[] bytes = new byte[TOKEN_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    return posix(dir)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  private static void restrictToOwner(Path file) throws IOException {
    if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
      LOG.warn("admin token file {} was readable by others; restricted it to its owner", file);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return file == null ? "AdminToken[configured]" : "AdminToken[" + file + "]";
  }
}
