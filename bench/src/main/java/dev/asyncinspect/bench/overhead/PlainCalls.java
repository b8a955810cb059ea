package dev.asyncinspect.bench.overhead;

/** The same code as {@link TracedCalls#sync}, in a class without {@code @Trace}. */
public class PlainCalls {
  public int sync(int x) {
    return x * 31 + 7;
  }
}
