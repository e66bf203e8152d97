package dev.strangler.edge.admin;

import dev.strangler.routing.Weight;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /admin/routes/{id}/weight}: {@code {"new": 20, "reason": "...",
 * "expect": 5}}. {@code new} (required) and {@code expect} (optional, the weight the operator
 * believes is in force) are JSON integers 0 to 100; {@code reason} is required and not blank.
 *
 * @param to     the weight wanted
 * @param expect the weight expected in force, or null
 * @param reason the operator's reason
 */
record WeightRequest(Weight to, Weight expect, String reason) {
  static final String SHAPE = "{\"new\": 0..100, \"reason\": \"...\", \"expect\": 0..100 (optional)}";
  private static final List<String> KEYS = List.of("new", "reason", "expect");

  /**
   * Reads and checks a parsed body.
   *
   * @throws IllegalArgumentException with a message for the operator when the body is not valid
   */
  static WeightRequest parse(Map<String, Object> body) {
    if (body == null) {
      throw new IllegalArgumentException("expected a JSON body " + SHAPE);
    }
    for (String key : body.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown field '" + key + "'; expected " + SHAPE);
      }
    }
    if (body.get("new") == null) {
      throw new IllegalArgumentException("new is required: the percentage of users served by the new side, 0 to 100");
    }
    Weight to = weight("new", body.get("new"));
    Weight expect = body.get("expect") == null ? null : weight("expect", body.get("expect"));
    if (!(body.get("reason") instanceof String reason) || reason.isBlank()) {
      throw new IllegalArgumentException("reason is required: a non-blank string saying why the weight changes");
    }
    if (reason.length() > RoutesController.MAX_REASON) {
      throw new IllegalArgumentException("reason is longer than " + RoutesController.MAX_REASON + " characters");
    }
    return new WeightRequest(to, expect, reason);
  }

  private static Weight weight(String field, Object value) {
    boolean integer = value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof BigInteger;
    if (!integer) {
      throw new IllegalArgumentException(field + " must be an integer from 0 to 100, got " + describe(value));
    }
    BigInteger n = new BigInteger(value.toString());
    if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(100)) > 0) {
      throw new IllegalArgumentException(field + " must be from 0 to 100, got " + n);
    }
    return new Weight(n.intValue());
  }

  private static String describe(Object value) {
    return value instanceof String s ? "the string \"" + s + "\"" : String.valueOf(value);
  }
}
