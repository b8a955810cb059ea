package dev.asyncinspect.testapps;

import dev.asyncinspect.testapps.oddcode.AwaitFailures;
import dev.asyncinspect.testapps.oddcode.ChildFirstLoader;
import dev.asyncinspect.testapps.oddcode.DoneWaits;
import dev.asyncinspect.testapps.oddcode.HugeMethods;
import dev.asyncinspect.testapps.oddcode.Shapes;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Traced code of every odd shape: javac's bridges and synthetic code ({@link Shapes}), await points
 * that return at once ({@link DoneWaits}) and ones that throw ({@link AwaitFailures}), two methods
 * near the 64 KiB limit written as bytes ({@link HugeMethods}), and classes defined by a
 * child-first class loader, one of them also defined by the application loader.
 *
 * <p>Under the agent: the same output. {@code HugeFits} is woven; weaving {@code HugeOverflows}
 * would push its method past 65535 bytes, so it runs untraced, with one line on stderr.
 */
public final class OddCode {
  public static final String FITS = "dev.asyncinspect.testapps.generated.HugeFits";
  public static final String OVERFLOWS = "dev.asyncinspect.testapps.generated.HugeOverflows";

  /** Joins and padding of the method that is woven: 64019 bytes, one await point. */
  public static final int FITS_JOINS = 1;

  public static final int FITS_PADDING = 64_000;

  /** Of the one that cannot be: 64002 bytes, with 2000 await points that weaving makes larger. */
  public static final int OVERFLOWS_JOINS = 2_000;

  public static final int OVERFLOWS_PADDING = 30_000;

  public static void main(String[] args) throws Exception {
    System.out.println(Shapes.run());

    System.out.println("done waits: " + DoneWaits.run());

    AwaitFailures failures = new AwaitFailures();
    for (Map.Entry<String, Callable<?>> failure : failures.cases().entrySet()) {
      System.out.println(failure.getKey() + ": " + outcome(failure.getValue()));
    }

    ClassLoader childFirst =
        new ChildFirstLoader(
            OddCode.class.getClassLoader(),
            Map.of(
                FITS,
                HugeMethods.classFile(FITS, FITS_JOINS, FITS_PADDING),
                OVERFLOWS,
                HugeMethods.classFile(OVERFLOWS, OVERFLOWS_JOINS, OVERFLOWS_PADDING)),
            "dev.asyncinspect.testapps.oddcode.plugin");
    for (String huge : new String[] {FITS, OVERFLOWS}) {
      Method compute =
          childFirst.loadClass(huge).getMethod("compute", CompletableFuture.class, long.class);
      System.out.println(
          huge.substring(huge.lastIndexOf('.') + 1)
              + ": "
              + compute.invoke(null, CompletableFuture.completedFuture(1L), 0L));
    }
    Class<?> ownFetcher = Class.forName("dev.asyncinspect.testapps.oddcode.plugin.Fetcher");
    Class<?> childFetcher = childFirst.loadClass(ownFetcher.getName());
    System.out.println("fetcher loaded twice: " + (ownFetcher != childFetcher));
    for (Class<?> fetcher : new Class<?>[] {ownFetcher, childFetcher}) {
      Object instance = fetcher.getConstructor().newInstance();
      System.out.println("fetched " + fetcher.getMethod("fetchBoth").invoke(instance));
    }
  }

  /** What a call threw, and whether the failed futures' exception reached the caller unchanged. */
  private static String outcome(Callable<?> call) {
    try {
      return "returned " + call.call();
    } catch (Throwable thrown) {
      String cause =
          thrown.getCause() == null
              ? ""
              : " caused by "
                  + (thrown.getCause() == AwaitFailures.BOOM ? "BOOM" : thrown.getCause());
      boolean interrupted = Thread.interrupted(); // and clears the flag for the next case
      return thrown.getClass().getName()
          + (thrown == AwaitFailures.BOOM ? " BOOM" : "")
          + cause
          + (interrupted ? ", still interrupted" : "");
    }
  }
}
