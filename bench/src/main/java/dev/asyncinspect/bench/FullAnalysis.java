package dev.asyncinspect.bench;

import dev.asyncinspect.analyzer.analysis.CallGraph;
import dev.asyncinspect.analyzer.analysis.CallGraphText;
import dev.asyncinspect.analyzer.analysis.Deadlock;
import dev.asyncinspect.analyzer.analysis.Deadlocks;
import dev.asyncinspect.analyzer.analysis.DeadlocksText;
import dev.asyncinspect.analyzer.analysis.Failures;
import dev.asyncinspect.analyzer.analysis.FailuresText;
import dev.asyncinspect.analyzer.analysis.Statistics;
import dev.asyncinspect.analyzer.analysis.StatisticsText;
import dev.asyncinspect.analyzer.analysis.StuckCriteria;
import dev.asyncinspect.analyzer.analysis.StuckTasks;
import dev.asyncinspect.analyzer.analysis.StuckTasksText;
import dev.asyncinspect.analyzer.analysis.WaitForGraph;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark measures: reading a dump and running every analysis on it and rendering its
 * text, as {@code async-inspect analyze} does (call graph, statistics, stuck tasks with their wait
 * chains, deadlocks, failures), with the time of each phase.
 */
final class FullAnalysis {
  private FullAnalysis() {}

  /**
   * What one analysis produced.
   *
   * @param dump the dump read, kept so that a caller can measure what it retains
   * @param phaseNanos the wall time of each phase, in order
   * @param reportLines lines of the text renderings, so that the work cannot be optimized away
   */
  record Result(Dump dump, Map<String, Long> phaseNanos, long reportLines) {
    long totalNanos() {
      return phaseNanos.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static Result run(Path file) throws IOException {
    Map<String, Long> phases = new LinkedHashMap<>();
    long start = System.nanoTime();
    Dump dump = DumpReader.read(file);
    long read = System.nanoTime();
    phases.put("read", read - start);
    long lines = CallGraphText.render(CallGraph.of(dump), false).size();
    long callGraph = System.nanoTime();
    phases.put("callGraph", callGraph - read);
    lines += StatisticsText.render(Statistics.of(dump), false).size();
    long statistics = System.nanoTime();
    phases.put("statistics", statistics - callGraph);
    WaitForGraph waitFor = WaitForGraph.of(dump);
    StuckTasks stuck = StuckTasks.of(waitFor, StuckCriteria.defaultsFor(dump));
    List<Deadlock> deadlocks = Deadlocks.of(waitFor);
    lines += StuckTasksText.render(waitFor, stuck, false).size();
    lines += DeadlocksText.render(waitFor, deadlocks, false).size();
    long waits = System.nanoTime();
    phases.put("stuckAndDeadlocks", waits - statistics);
    lines += FailuresText.render(dump, Failures.of(dump), false).size();
    phases.put("failures", System.nanoTime() - waits);
    return new Result(dump, phases, lines);
  }
}
