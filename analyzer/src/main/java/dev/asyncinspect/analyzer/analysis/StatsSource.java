package dev.asyncinspect.analyzer.analysis;

/** Where a line of {@link Statistics} comes from. */
public enum StatsSource {
  /**
   * The agent's {@code methodStats} or {@code pointStats}: every finished call or wait since the
   * agent started, also those no longer in the dump.
   */
  AGENT,
  /**
   * Derived from what the dump still holds, because it has no aggregate for this method or point (a
   * truncated dump): its finished tasks, or the waits in its event history.
   */
  DUMP
}
