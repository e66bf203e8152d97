package dev.strangler.edge.export;

import dev.strangler.edge.admin.Since;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --since}: see {@link Since}; durations count back from the moment of parsing. */
final class SinceConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    try {
      return Since.parse(value, Instant.now());
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage() + ", got '" + value + "'");
    }
  }
}
