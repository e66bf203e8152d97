package dev.strangler.edge.admin.console;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A route's parity per minute for the chart: minute starts (epoch seconds) and match rates. */
@Serdeable
record ParityView(String route, List<Long> minutes, List<Double> parity, List<Long> judged) {}
