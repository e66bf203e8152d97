package dev.strangler.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.json.TapeValue;
import java.util.Objects;

/** The result of extracting one side's core output: the JSON, or why there is none. */
public sealed interface Extraction {

  /** The core output, as a value of a parsed document; a JSON null when only the status is compared. */
  record Ok(TapeValue value) implements Extraction {
    public Ok {
      Objects.requireNonNull(value, "value");
    }

    /** The core output as a Jackson tree, parsed from its bytes on each call. */
    public JsonNode core() {
      return value.toJsonNode();
    }
  }

  /** No core output could be extracted; {@code reason} says why, for a person. */
  record Failed(String reason) implements Extraction {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
