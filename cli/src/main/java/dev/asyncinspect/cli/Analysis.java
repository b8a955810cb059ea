package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.analysis.CallGraph;
import dev.asyncinspect.analyzer.analysis.Deadlock;
import dev.asyncinspect.analyzer.analysis.Deadlocks;
import dev.asyncinspect.analyzer.analysis.Failure;
import dev.asyncinspect.analyzer.analysis.Failures;
import dev.asyncinspect.analyzer.analysis.PinnedThreads;
import dev.asyncinspect.analyzer.analysis.Statistics;
import dev.asyncinspect.analyzer.analysis.StuckCriteria;
import dev.asyncinspect.analyzer.analysis.StuckTasks;
import dev.asyncinspect.analyzer.analysis.WaitForGraph;
import dev.asyncinspect.analyzer.dump.Dump;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code analyze} computes for one dump: the analyses of the sections asked for, each run at
 * most once, and the findings that decide the exit code.
 */
final class Analysis {
  private final Dump dump;
  private final Set<Section> sections;
  private final StuckCriteria criteria;
  private WaitForGraph graph;
  private StuckTasks stuck;
  private List<Deadlock> deadlocks;
  private List<Failure> failures;
  private List<PinnedThreads.Pin> pins;

  /**
   * @param sections the sections to show; every one when empty
   * @param criteria when a task is stuck; null for the default of the dump
   */
  Analysis(Dump dump, Set<Section> sections, StuckCriteria criteria) {
    this.dump = dump;
    this.sections = sections.isEmpty() ? EnumSet.allOf(Section.class) : EnumSet.copyOf(sections);
    this.criteria = criteria == null ? StuckCriteria.defaultsFor(dump) : criteria;
  }

  Dump dump() {
    return dump;
  }

  boolean shows(Section section) {
    return sections.contains(section);
  }

  /** Whether this is the full report, with the summary and every section. */
  boolean full() {
    return sections.contains(Section.SUMMARY);
  }

  Set<Section> sections() {
    return sections;
  }

  List<PinnedThreads.Pin> pins() {
    if (pins == null) {
      pins = PinnedThreads.of(dump);
    }
    return pins;
  }

  WaitForGraph graph() {
    if (graph == null) {
      graph = WaitForGraph.of(dump);
    }
    return graph;
  }

  StuckTasks stuck() {
    if (stuck == null) {
      stuck = StuckTasks.of(graph(), criteria);
    }
    return stuck;
  }

  List<Deadlock> deadlocks() {
    if (deadlocks == null) {
      deadlocks = Deadlocks.of(graph());
    }
    return deadlocks;
  }

  List<Failure> failures() {
    if (failures == null) {
      failures = Failures.of(dump);
    }
    return failures;
  }

  CallGraph callGraph() {
    return CallGraph.of(dump);
  }

  Statistics statistics() {
    return Statistics.of(dump);
  }

  /**
   * The findings of the sections shown, by kind, in report order: {@code stuckTasks} (stuck tasks
   * not on a deadlock cycle), {@code deadlocks} (cycles, and JVM reports no cycle explains) and
   * {@code failedTasks}.
   */
  Map<String, Integer> findings() {
    Map<String, Integer> findings = new LinkedHashMap<>();
    if (shows(Section.STUCK)) {
      findings.put("stuckTasks", stuck().tasks().size());
    }
    if (shows(Section.DEADLOCKS)) {
      findings.put("deadlocks", deadlocks().size());
    }
    if (shows(Section.FAILURES)) {
      findings.put("failedTasks", failures().size());
    }
    return findings;
  }

  /** The number of findings in the sections shown: the exit code is 1 when it is above 0. */
  int findingCount() {
    return findings().values().stream().mapToInt(Integer::intValue).sum();
  }
}
