package dev.strangler.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** The result of extracting one side's core output: the JSON, or why there is none. */
public sealed interface Extraction {

  /** The core output; a JSON null when only the status is compared. */
  record Ok(JsonNode core) implements Extraction {
    public Ok {
      Objects.requireNonNull(core, "core");
    }
  }

  /** No core output could be extracted; {@code reason} says why, for a person. */
  record Failed(String reason) implements Extraction {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
