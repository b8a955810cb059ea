package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The stuck tasks of a dump ({@link StuckCriteria}), each on a {@link WaitChain} that names the
 * root cause of its wait.
 *
 * <p><b>Algorithm.</b> {@link ChainSteps} gives each node of the {@link WaitForGraph} at most one
 * next node, so the chains form a functional graph. One iterative walk per unvisited node follows
 * the steps until it reaches the end of a chain, a node whose end is known, or a node of its own
 * path (a cycle); every node on the path then gets that end ({@link ChainEnds}). Stuck tasks that
 * lie <em>on</em> a cycle are deadlocked: {@link Deadlocks} reports them, with the whole cycle, and
 * they are only counted here; tasks whose chains run <em>into</em> a cycle are reported here.
 *
 * <p>Chains are listed from the stuck tasks no other stuck task's chain passes through (in dump
 * order); a chain stops where it meets a chain already listed ({@link WaitChain#joins()}), so that
 * a thousand tasks waiting on one future give one full chain and 999 one-step ones, not a thousand
 * copies of the same tail.
 *
 * <p><b>Cost</b>: O(n + m) in the graph's nodes and edges, no recursion; a chain of a million tasks
 * is fine.
 */
public final class StuckTasks {
  private final StuckCriteria criteria;
  private final List<TaskInfo> stuck;
  private final List<WaitChain> chains;
  private final int deadlocked;
  private final long longestNotStuck;
  private final int live;

  private StuckTasks(
      StuckCriteria criteria,
      List<TaskInfo> stuck,
      List<WaitChain> chains,
      int deadlocked,
      long longestNotStuck,
      int live) {
    this.criteria = criteria;
    this.stuck = List.copyOf(stuck);
    this.chains = List.copyOf(chains);
    this.deadlocked = deadlocked;
    this.longestNotStuck = longestNotStuck;
    this.live = live;
  }

  /** The stuck tasks of the graph's dump under the criteria. */
  public static StuckTasks of(WaitForGraph graph, StuckCriteria criteria) {
    Dump dump = graph.dump();
    ChainSteps steps = new ChainSteps(graph);
    ChainEnds ends = new ChainEnds(graph, steps);
    List<TaskInfo> stuck = new ArrayList<>();
    int deadlocked = 0;
    long longestNotStuck = -1;
    int live = 0;
    for (TaskInfo task : dump.tasks()) {
      int node = graph.taskNode(task.id());
      if (task.state().terminal() || graph.task(node) != task) {
        continue; // a duplicate task record: the reader warned, the first one counts
      }
      live++;
      long time = dump.timeInState(task);
      if (!criteria.stuck(task, time)) {
        longestNotStuck = Math.max(longestNotStuck, time);
      } else if (ends.onCycle(node)) {
        deadlocked++;
      } else {
        stuck.add(task);
      }
    }
    List<WaitChain> chains = new ChainLister(graph, ends).list(stuck);
    return new StuckTasks(criteria, stuck, chains, deadlocked, longestNotStuck, live);
  }

  public StuckCriteria criteria() {
    return criteria;
  }

  /** The stuck tasks not on a cycle, in dump order. */
  public List<TaskInfo> tasks() {
    return stuck;
  }

  /** The wait chains; every stuck task is on exactly one. */
  public List<WaitChain> chains() {
    return chains;
  }

  /** How many tasks meet the criteria but are on a cycle: deadlocked, reported by Deadlocks. */
  public int deadlocked() {
    return deadlocked;
  }

  /** How many tasks of the dump are live (not terminal). */
  public int liveTasks() {
    return live;
  }

  /**
   * The longest time in state of the live tasks that do not meet the criteria, or -1 when every
   * live task does (or there is none): for the hint that a lower threshold would show more.
   */
  public long longestNotStuck() {
    return longestNotStuck;
  }
}
