package dev.strangler.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/** Reads a routes.yaml file (UTF-8) into its single YAML node tree, locating syntax errors. */
final class YamlDocument {
  private YamlDocument() {}

  /** A file's one document, and the SHA-256 (hex) of the file's bytes as read. */
  record Composed(Node root, String sha256) {}

  /** The root node of the file's one document. */
  static Composed compose(Path file) throws ConfigException {
    byte[] bytes = bytes(file);
    return new Composed(compose(file, text(file, bytes)), sha256(bytes));
  }

  private static Node compose(Path file, String text) throws ConfigException {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(EnvSubstitution.shield(text)));
    } catch (MarkedYAMLException e) {
      throw syntaxError(file, e);
    } catch (ReaderException e) {
      int[] at = lineAndColumn(text, e.getPosition());
      throw new ConfigException(file, at[0], at[1],
          "YAML syntax error: character U+" + String.format("%04X", e.getCodePoint())
              + " is not allowed in YAML text");
    } catch (YAMLException e) {
      throw new ConfigException(file, "YAML syntax error: " + e.getMessage(), e);
    }
    if (root == null) {
      throw new ConfigException(file, 1, 1,
          "the file is empty; expected a mapping with at least listen, upstreams and routes");
    }
    return root;
  }

  private static byte[] bytes(Path file) throws ConfigException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(file, "cannot read the file: " + e, e);
    }
  }

  private static String text(Path file, byte[] bytes) throws ConfigException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new ConfigException(file, "the file is not valid UTF-8 text", e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static ConfigException syntaxError(Path file, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Mark context = e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : "malformed YAML";
    String reason = problem;
    if (e.getContext() != null && problem.startsWith("but ")) {
      reason = e.getContext() + ", " + problem;
    } else if (e.getContext() != null && context != null && context != mark) {
      reason = problem + " (" + e.getContext() + " that starts at line " + (context.getLine() + 1)
          + ", column " + (context.getColumn() + 1) + ")";
    }
    String sentence = "YAML syntax error: " + EnvSubstitution.unshield(reason);
    return mark == null
        ? new ConfigException(file, sentence, e)
        : new ConfigException(file, mark.getLine() + 1, mark.getColumn() + 1, sentence);
  }

  /** 1-based line and column of a code point index. */
  private static int[] lineAndColumn(String text, int codePointIndex) {
    int line = 1;
    int column = 1;
    int offset = 0;
    for (int i = 0; i < codePointIndex && offset < text.length(); i++) {
      int cp = text.codePointAt(offset);
      offset += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
