import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one benchmark method of two builds of the bench module in one JVM, each in its own class
 * loader, alternating 300 ms slices (the order flips every slice), so that drift of a shared
 * machine hits both builds alike; prints each build's median ops/s and the median of the
 * per-slice ratios with its quartiles. A tool for comparing engine changes, not a JMH
 * replacement: calls go through reflection, so absolute figures are a little lower than JMH's.
 *
 * <p>Arguments: BASE_DIR NEW_DIR METHOD ARRAYS KILOBYTES PAIR [SLICES]; METHOD is a method of
 * {@code CompareBenchmark} ({@code oursPreParsed}, {@code oursFromText}) or {@code ParseBenchmark}
 * ({@code tape}, {@code validate}; ARRAYS and PAIR are then ignored). Run by {@code bench/ab.sh}.
 */
public class AlternatingSlices {
  private static final long SLICE_NANOS = 300_000_000L;
  private static Object sink;

  public static void main(String[] args) throws Exception {
    String method = args[2];
    int slices = args.length > 6 ? Integer.parseInt(args[6]) : 20;
    Object[] benches = new Object[2];
    Method[] calls = new Method[2];
    for (int side = 0; side < 2; side++) {
      ClassLoader loader = new URLClassLoader(classpath(Path.of(args[side], "bench/target")), ClassLoader.getPlatformClassLoader());
      boolean parse = method.equals("tape") || method.equals("validate");
      Class<?> type = loader.loadClass("dev.strangler.bench." + (parse ? "ParseBenchmark" : "CompareBenchmark"));
      Object bench = type.getConstructor().newInstance();
      type.getField("kilobytes").setInt(bench, Integer.parseInt(args[4]));
      if (!parse) {
        type.getField("pair").set(bench, args[5]);
        type.getField("arrays").set(bench, enumValue(loader.loadClass("dev.strangler.bench.ArrayLayout"), args[3]));
      }
      type.getMethod("setUp").invoke(bench);
      benches[side] = bench;
      calls[side] = type.getMethod(method);
    }
    for (int warm = 0; warm < 6; warm++) {
      run(calls[0], benches[0]);
      run(calls[1], benches[1]);
    }
    double[][] rates = new double[2][slices];
    double[] ratios = new double[slices];
    for (int i = 0; i < slices; i++) {
      int first = i % 2;
      rates[first][i] = run(calls[first], benches[first]);
      rates[1 - first][i] = run(calls[1 - first], benches[1 - first]);
      ratios[i] = rates[1][i] / rates[0][i];
    }
    Arrays.sort(ratios);
    Arrays.sort(rates[0]);
    Arrays.sort(rates[1]);
    System.out.printf("%s %s %s KB %s: base %.0f, new %.0f ops/s (medians of %d slices); new/base %.3f [quartiles %.3f..%.3f]%n",
        method, args[3], args[4], args[5], rates[0][slices / 2], rates[1][slices / 2], slices,
        ratios[slices / 2], ratios[slices / 4], ratios[3 * slices / 4]);
  }

  private static URL[] classpath(Path target) throws Exception {
    List<URL> urls = new ArrayList<>();
    try (var jars = Files.list(target)) {
      for (Path jar : jars.filter(p -> p.getFileName().toString().matches("bench-.*SNAPSHOT\\.jar")).toList()) {
        urls.add(jar.toUri().toURL());
      }
    }
    for (String entry : Files.readString(target.resolve("classpath.txt")).trim().split(":")) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return urls.toArray(new URL[0]);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  /** Calls the method for one slice; its ops/s. */
  private static double run(Method call, Object bench) throws Exception {
    long start = System.nanoTime();
    long ops = 0;
    while (System.nanoTime() - start < SLICE_NANOS) {
      for (int k = 0; k < 16; k++) {
        sink = call.invoke(bench);
      }
      ops += 16;
    }
    return ops / ((System.nanoTime() - start) / 1e9);
  }
}
