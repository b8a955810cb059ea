package dev.asyncinspect.testapps.oddcode;

import dev.asyncinspect.annotations.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Traced methods in the places javac makes odd code for: bridges (covariant and generic), default
 * and static interface methods, records, enum constant bodies, inner, local and anonymous classes,
 * lambdas with await points, string switches, try-with-resources, wide arguments and varargs, deep
 * recursion.
 */
public final class Shapes {
  static int comparisons;

  /** Called through its interface, which javac reaches through a bridge method. */
  public interface Source {
    CompletionStage<String> fetch();

    @Trace
    default CompletionStage<String> fetchTwice() {
      return fetch().thenCombine(fetch(), String::concat);
    }

    @Trace
    static String describe(Source source) {
      return source.fetch().toCompletableFuture().join(); // await:describe-join
    }
  }

  /** Covariant return: javac adds a bridge {@code CompletionStage fetch()}. */
  public static final class CachedSource implements Source {
    @Trace
    @Override
    public CompletableFuture<String> fetch() {
      return CompletableFuture.completedFuture("cached");
    }
  }

  /** Generic interface: javac adds a bridge {@code compareTo(Object)}. */
  public record Version(int major, int minor) implements Comparable<Version> {
    public Version {
      if (major < 0 || minor < 0) {
        throw new IllegalArgumentException("negative version");
      }
    }

    @Trace
    @Override
    public int compareTo(Version other) {
      comparisons++;
      return major != other.major ? major - other.major : minor - other.minor;
    }
  }

  /** Constant bodies are anonymous classes. */
  public enum Op {
    PLUS {
      @Trace
      @Override
      long apply(long a, long b) {
        return a + b;
      }
    },
    TIMES {
      @Trace
      @Override
      long apply(long a, long b) {
        return a * b;
      }
    };

    abstract long apply(long a, long b);
  }

  /** An inner class whose traced method reads the outer instance. */
  public final class Inner {
    @Trace
    public int outerSize(int extra) {
      return sizes.size() + extra;
    }
  }

  private final List<Integer> sizes = new ArrayList<>(List.of(1, 2, 3));

  @Trace
  public static String run() throws Exception {
    Source source = new CachedSource();
    String fetched =
        Source.describe(source) + " " + source.fetchTwice().toCompletableFuture().get();

    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      versions.add(new Version(i % 7, (i * 13) % 11));
    }
    Collections.sort(versions);

    long folded = 0;
    for (Op op : Op.values()) {
      folded += op.apply(6, 7);
    }

    Shapes shapes = new Shapes();
    int inner = shapes.new Inner().outerSize(4);

    Function<String, String> viaLambda =
        key -> CompletableFuture.supplyAsync(() -> key + "!").join(); // await:lambda-join
    String lambda = viaLambda.apply("lambda");

    return String.join(
        "; ",
        fetched,
        "sorted " + versions.get(0) + ".." + versions.get(versions.size() - 1),
        "comparisons " + comparisons,
        "ops " + folded,
        "inner " + inner,
        lambda,
        "switch " + kind("future") + kind("lock") + kind("other"),
        "wide " + wide(1L, 2.5, 'c', 3L, 4.5),
        "varargs " + total(1, 2, 3, 4),
        "closed " + withResource(),
        "local " + local(),
        "anonymous " + anonymous().get(),
        "depth " + recurse(200));
  }

  @Trace
  static int kind(String name) {
    switch (name) {
      case "future":
        return 1;
      case "lock":
        return 2;
      default:
        return 0;
    }
  }

  @Trace
  static double wide(long a, double b, char c, long d, double e) {
    long x = a + d;
    double y = b + e;
    return x * y + c;
  }

  @Trace
  static int total(int... values) {
    int sum = 0;
    for (int v : values) {
      sum += v;
    }
    return sum;
  }

  @Trace
  static boolean withResource() throws Exception {
    boolean[] closed = new boolean[1];
    try (AutoCloseable resource = () -> closed[0] = true) {
      CompletableFuture.runAsync(() -> {}).get(); // await:resource-get
    }
    return closed[0];
  }

  @Trace
  static String local() {
    final class Local {
      @Trace
      String name() {
        return "local";
      }
    }
    return new Local().name();
  }

  @Trace
  static java.util.function.Supplier<String> anonymous() {
    return new java.util.function.Supplier<>() {
      @Trace
      @Override
      public String get() {
        return "anonymous";
      }
    };
  }

  @Trace
  static int recurse(int depth) {
    return depth == 0 ? 0 : 1 + recurse(depth - 1);
  }

  private Shapes() {}
}
