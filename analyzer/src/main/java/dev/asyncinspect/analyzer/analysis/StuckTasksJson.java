package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stuck tasks as a JSON-ready tree of {@code Map}s and {@code List}s with a stable shape
 * (documented in docs/cli.md):
 *
 * <pre>
 * {"criteria": {"thresholdNanos": 1000000000, "waitingAtExit": true,
 *               "description": "waiting when the JVM exited"},
 *  "stuckTasks": 2, "deadlockedTasks": 0,
 *  "chains": [{"stuckTasks": [1, 2], "links": [link...],
 *              "end": {"kind": "NO_KNOWN_PRODUCER", "task": 2, "rootCause": "..."}}]}
 * </pre>
 *
 * A link is as in {@link WaitJson}; a chain that joins one listed before it has {@code "joins":
 * {"task": 8}} (or {@code "object"}); {@code end} names the node it ends at like a link names its
 * release ({@code task}, {@code object}, {@code thread} or {@code jvmLock}).
 */
public final class StuckTasksJson {
  private StuckTasksJson() {}

  /** The JSON-ready view of the stuck tasks. */
  public static Map<String, Object> view(WaitForGraph graph, StuckTasks stuck) {
    WaitJson json = new WaitJson(graph);
    List<Object> chains = new ArrayList<>();
    for (WaitChain chain : stuck.chains()) {
      Map<String, Object> end =
          json.ref(new JsonView().put("kind", chain.end().kind().name()), chain.end().node());
      end.put("rootCause", chain.end().rootCause());
      chains.add(
          new JsonView()
              .put("stuckTasks", chain.stuckTasks())
              .put("links", json.links(WaitLink.ofChain(graph, chain.nodes(), chain.joins())))
              .put("joins", chain.joins() < 0 ? null : json.ref(chain.joins()))
              .put("end", end)
              .toMap());
    }
    StuckCriteria criteria = stuck.criteria();
    return new JsonView()
        .put(
            "criteria",
            new JsonView()
                .put("thresholdNanos", criteria.thresholdNanos())
                .put("waitingAtExit", criteria.waitingAtExit())
                .put("description", criteria.describe())
                .toMap())
        .put("stuckTasks", stuck.tasks().size())
        .put("deadlockedTasks", stuck.deadlocked())
        .put("chains", chains)
        .toMap();
  }
}
