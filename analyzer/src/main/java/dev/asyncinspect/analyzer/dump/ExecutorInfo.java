package dev.asyncinspect.analyzer.dump;

import java.util.List;

/**
 * What an {@code EXECUTOR} object record says about its pool (format 1.1). Sizes the pool does not
 * have (a fork-join pool has no core size, a thread-per-task executor no size at all) are null.
 *
 * @param executorKind {@code THREAD_POOL}, {@code FORK_JOIN}, {@code COMMON_POOL}, {@code
 *     THREAD_PER_TASK} or {@code OTHER}; null when the record does not say
 * @param poolSize threads now, or null
 * @param corePoolSize thread pools: the core size, or null
 * @param maximumPoolSize thread pools: the maximum size, or null
 * @param parallelism fork-join pools: the parallelism, or null
 * @param activeCount threads running work, or null
 * @param queueSize work waiting, or null
 * @param queued the SPAWNED tasks handed to it and not started, in the dump
 * @param running the SPAWNED tasks it runs now, in the dump
 */
public record ExecutorInfo(
    String executorKind,
    Integer poolSize,
    Integer corePoolSize,
    Integer maximumPoolSize,
    Integer parallelism,
    Integer activeCount,
    Long queueSize,
    List<Long> queued,
    List<Long> running) {

  public ExecutorInfo {
    queued = Copies.list(queued);
    running = Copies.list(running);
  }

  /**
   * How many workers the pool can have at most: its maximum size for a thread pool, its parallelism
   * for a fork-join pool; null when it is not bounded or not known (a thread-per-task executor).
   */
  public Integer capacity() {
    return maximumPoolSize != null ? maximumPoolSize : parallelism;
  }
}
