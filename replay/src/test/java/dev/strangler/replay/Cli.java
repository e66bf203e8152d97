package dev.strangler.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the replay CLI in-process and reads what it wrote. */
final class Cli {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome of one CLI run. */
  record Result(int exit, String out, String err, Path report) {
    JsonNode json() throws IOException {
      return JSON.readTree(report.resolve("report.json").toFile());
    }

    /** The report.json entry of a route. */
    JsonNode route(String id) throws IOException {
      for (JsonNode r : json().get("routes")) {
        if (r.get("route").asText().equals(id)) {
          return r;
        }
      }
      throw new AssertionError("no route " + id + " in " + json());
    }

    List<JsonNode> discrepancies() throws IOException {
      return Files.readAllLines(report.resolve("discrepancies.jsonl")).stream().map(Cli::parse).toList();
    }

    String file(String name) throws IOException {
      return Files.readString(report.resolve(name));
    }
  }

  private Cli() {}

  static Result run(Path report, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--report";
    all[args.length + 1] = report.toString();
    int exit = ReplayMain.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), all);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), report);
  }

  static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }
}
