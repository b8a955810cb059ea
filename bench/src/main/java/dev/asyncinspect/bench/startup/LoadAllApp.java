package dev.asyncinspect.bench.startup;

/**
 * A program with a large class path: loads and initializes every class of a {@link
 * SyntheticClassPath} jar, the way a large application starts, then prints its timing line. Its
 * arguments: the number of classes and how many of them are traced.
 */
public final class LoadAllApp {
  public static void main(String[] args) throws ClassNotFoundException {
    int classes = Integer.parseInt(args[0]);
    ClassLoader loader = LoadAllApp.class.getClassLoader();
    long sum = 0;
    for (int i = 0; i < classes; i++) {
      sum += Class.forName(className(i), true, loader).getName().length();
    }
    Timing.print("ready");
    System.out.println(sum);
  }

  /** The binary name of synthetic class {@code i}. */
  static String className(int i) {
    return "synthetic.p" + (i % 100) + ".C" + i;
  }

  private LoadAllApp() {}
}
