package dev.strangler.edge.rollout;

import dev.strangler.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --hold 30s}, {@code 10m}: a duration as routes.yaml writes it ({@link Durations}). */
final class HoldConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage() + ", got '" + value + "'");
    }
  }
}
