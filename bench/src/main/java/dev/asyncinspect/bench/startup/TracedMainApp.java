package dev.asyncinspect.bench.startup;

import dev.asyncinspect.annotations.Trace;

/**
 * A program whose main class has a traced method: the agent weaves it before {@code main} can run.
 * Prints its timing line when main begins, then calls the traced method.
 */
public final class TracedMainApp {
  public static void main(String[] args) {
    Timing.print("main");
    System.out.println(answer());
  }

  @Trace
  static int answer() {
    return 42;
  }

  private TracedMainApp() {}
}
