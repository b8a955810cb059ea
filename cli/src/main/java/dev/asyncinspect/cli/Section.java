package dev.asyncinspect.cli;

/**
 * The parts of an {@code analyze} report. Without a {@code --show-*} option every section is shown;
 * with some, only those (after the dump's headline).
 */
enum Section {
  /** The dump, its live tasks and its finished ones by state; only in the full report. */
  SUMMARY("summary"),
  /** Stuck tasks with their wait chains: findings. */
  STUCK("stuck"),
  /** Deadlock cycles, the agent's and the JVM's: findings. */
  DEADLOCKS("deadlocks"),
  /** Failed tasks with their async stack traces: findings. */
  FAILURES("failures"),
  /** The async call graph. */
  CALL_GRAPH("callGraph"),
  /** Per-method and per-await-point statistics. */
  STATISTICS("statistics"),

  /** Lints: pinned virtual threads. Never a finding. */
  LINTS("lints");

  private final String jsonName;

  Section(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The section's field in the JSON report. */
  String jsonName() {
    return jsonName;
  }
}
