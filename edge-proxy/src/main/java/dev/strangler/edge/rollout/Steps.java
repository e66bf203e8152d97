package dev.strangler.edge.rollout;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --steps 1,5,25,100}: the weights to take in turn, whole percentages from 1 to 100,
 * strictly rising.
 *
 * @param weights the weights, in order
 */
record Steps(List<Integer> weights) {
  static Steps parse(String text) {
    List<Integer> weights = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      int w;
      try {
        w = Integer.parseInt(part.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected weights like 1,5,25,100, got '" + part.strip() + "'");
      }
      if (w < 1 || w > 100) {
        throw new IllegalArgumentException("each step is a weight from 1 to 100, got " + w);
      }
      if (!weights.isEmpty() && w <= weights.get(weights.size() - 1)) {
        throw new IllegalArgumentException("steps must rise, got " + w + " after " + weights.get(weights.size() - 1));
      }
      weights.add(w);
    }
    return new Steps(List.copyOf(weights));
  }

  /** picocli's converter for {@code --steps}. */
  static final class Converter implements ITypeConverter<Steps> {
    @Override
    public Steps convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
