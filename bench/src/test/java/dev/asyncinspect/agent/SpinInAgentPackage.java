package dev.asyncinspect.agent;

/**
 * Code in the agent's package, for {@code CpuShareTest}: what its samples count as the agent's. It
 * spins through a JDK method, as the agent's code spends its time in the clock and thread locals.
 */
public final class SpinInAgentPackage {
  public static long spin(long nanos) {
    long end = System.nanoTime() + nanos;
    long n = 0;
    while (System.nanoTime() < end) {
      n++;
    }
    return n;
  }

  private SpinInAgentPackage() {}
}
