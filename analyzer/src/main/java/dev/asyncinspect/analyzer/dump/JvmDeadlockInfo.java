package dev.asyncinspect.analyzer.dump;

import java.util.List;

/**
 * A {@code jvmDeadlock} record: a platform-thread deadlock found by the JVM.
 *
 * @param threads the deadlocked threads' ids
 */
public record JvmDeadlockInfo(List<Long> threads) {

  public JvmDeadlockInfo {
    threads = Copies.list(threads);
  }
}
