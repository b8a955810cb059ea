package dev.asyncinspect.bench.macro;

/**
 * A simulated back end: a fixed amount of CPU work (a mixing loop the JIT cannot remove), so that
 * the service is bound by CPU, the case where an agent's cost shows most.
 */
final class Backend {
  /** Iterations of the mixing loop per call; {@code -Dshop.work=N}. */
  static final int WORK = Integer.getInteger("shop.work", 4_000);

  static int call(int id, int salt) {
    long h = id * 0x9E3779B97F4A7C15L + salt;
    for (int i = 0; i < WORK; i++) {
      h ^= h >>> 29;
      h *= 0xBF58476D1CE4E5B9L;
      h += i;
    }
    return (int) (h ^ (h >>> 32)) & 0xFFFF;
  }

  private Backend() {}
}
