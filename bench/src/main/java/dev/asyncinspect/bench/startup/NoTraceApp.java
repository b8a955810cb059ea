package dev.asyncinspect.bench.startup;

/** A program with no traced class: prints its timing line when main begins. */
public final class NoTraceApp {
  public static void main(String[] args) {
    Timing.print("main");
  }

  private NoTraceApp() {}
}
