package dev.asyncinspect.analyzer.analysis;

import java.util.List;

/**
 * A wait chain: a stuck task, what it waits on, the task that should release that, what that task
 * waits on, and so on, to the root cause.
 *
 * @param nodes the {@link WaitForGraph} nodes of the chain, from the stuck task on; waiters and
 *     what they wait on alternate
 * @param end where the chain ends and why; for a chain that joins another, the other's end
 * @param joins -1, or the node at which this chain joins a chain reported before it (that node and
 *     what follows it are not repeated in {@code nodes})
 * @param stuckTasks the ids of the stuck tasks on this chain, in chain order
 */
public record WaitChain(List<Integer> nodes, ChainEnd end, int joins, List<Long> stuckTasks) {

  public WaitChain {
    nodes = List.copyOf(nodes);
    stuckTasks = List.copyOf(stuckTasks);
  }

  /** The stuck task the chain starts at. */
  public long head() {
    return stuckTasks.get(0);
  }
}
