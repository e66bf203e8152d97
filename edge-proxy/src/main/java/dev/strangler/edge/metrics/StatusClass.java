package dev.strangler.edge.metrics;

/** HTTP status classes as metric label values ("2xx"...), with "other" for anything odd. */
enum StatusClass {
  INFORMATIONAL("1xx"),
  SUCCESS("2xx"),
  REDIRECTION("3xx"),
  CLIENT_ERROR("4xx"),
  SERVER_ERROR("5xx"),
  OTHER("other");

  private static final StatusClass[] VALUES = values();
  private final String label;

  StatusClass(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static StatusClass of(int status) {
    int hundreds = status / 100;
    return hundreds >= 1 && hundreds <= 5 ? VALUES[hundreds - 1] : OTHER;
  }
}
