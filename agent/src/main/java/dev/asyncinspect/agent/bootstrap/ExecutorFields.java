package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * What a dump says about an executor that traced work was handed to: its kind and size, read
 * through the executors' public getters at dump time.
 */
final class ExecutorFields {

  static void write(JsonLine line, Object executor) {
    if (executor instanceof ThreadPoolExecutor) {
      ThreadPoolExecutor pool = (ThreadPoolExecutor) executor;
      line.field("executorKind", "THREAD_POOL")
          .field("poolSize", pool.getPoolSize())
          .field("corePoolSize", pool.getCorePoolSize())
          .field("maximumPoolSize", pool.getMaximumPoolSize())
          .field("activeCount", pool.getActiveCount())
          .field("queueSize", pool.getQueue().size());
    } else if (executor instanceof ForkJoinPool) {
      ForkJoinPool pool = (ForkJoinPool) executor;
      line.field("executorKind", pool == ForkJoinPool.commonPool() ? "COMMON_POOL" : "FORK_JOIN")
          .field("parallelism", pool.getParallelism())
          .field("poolSize", pool.getPoolSize())
          .field("activeCount", pool.getActiveThreadCount())
          .field("queueSize", pool.getQueuedSubmissionCount() + pool.getQueuedTaskCount());
    } else if (executor.getClass().getName().equals("java.util.concurrent.ThreadPerTaskExecutor")) {
      line.field("executorKind", "THREAD_PER_TASK");
    } else {
      line.field("executorKind", "OTHER");
    }
  }

  private ExecutorFields() {}
}
