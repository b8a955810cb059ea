package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.awaitPointAt;
import static dev.asyncinspect.e2e.DumpQueries.methodStats;
import static dev.asyncinspect.e2e.DumpQueries.pointStats;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.Saturation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * About a million traced tasks through tables far too small for them, with the watchdog and
 * periodic dumps running all along: the program behaves exactly as without the agent, and the dump
 * is whole and accounts for every task it left out.
 */
class SaturationIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";
  private static final int MAX_FINISHED = 100;
  private static final int MAX_EVENTS = 64;
  static final String OPTIONS =
      ",maxLiveTasks=16,maxFinishedTasks="
          + MAX_FINISHED
          + ",maxEvents="
          + MAX_EVENTS
          + ",stuck=200ms,dumpInterval=100ms";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgentAndOnlyTheWatchdogSpeaks(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(Saturation.class, jdk, OPTIONS);
    ProgramRun plain = runs.withoutAgent();
    ProgramRun traced = runs.withAgent();
    assertThat(plain.exitCode()).as(plain.describe()).isEqualTo(5);
    assertThat(plain.stdout()).as(plain.describe()).contains("failures " + failures(jdk));
    assertThat(traced.exitCode()).as(traced.describe()).isEqualTo(plain.exitCode());
    assertThat(traced.stdout()).as(traced.describe()).isEqualTo(plain.stdout());
    // Its stack sampler saw no thread of the program waiting inside the agent.
    assertThat(traced.stdout()).contains("threads seen waiting inside the agent: 0\n");
    assertThat(traced.stderr().lines().filter(l -> l.startsWith("[async-inspect]")))
        .as(traced.describe())
        .isNotEmpty()
        .allMatch(l -> l.startsWith("[async-inspect] stuck: tasks waited 200 ms or more"));
    assertThat(traced.stderr()).as(traced.describe()).doesNotContain("Exception", "internal error");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void theExitDumpIsWholeAndCountsWhatItDropped(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(Saturation.class, jdk, OPTIONS);
    Dump dump = runs.dump();
    assertThat(dump.complete()).isTrue();
    assertThat(dump.warnings()).isEmpty();
    assertThat(dump.header().reason()).isEqualTo("exit");

    long calls = calls(jdk);
    long batches = (Saturation.CALLS + Saturation.IN_FLIGHT - 1) / Saturation.IN_FLIGHT;
    if (jdk.feature() >= 21) {
      batches += (Saturation.VIRTUAL_CALLS + Saturation.IN_FLIGHT - 1) / Saturation.IN_FLIGHT;
    }
    long total = 1 + batches + 3 * calls;
    Map<String, Long> dropped = dump.end().dropped();
    assertThat(dump.end().totalTasks()).isEqualTo(total);
    assertThat(dropped.get("tasks")).as("tasks the task table could not take").isPositive();
    assertThat(dropped.get("finishedTasks")).isPositive();
    assertThat(dropped.get("events")).isPositive();
    assertThat(dropped.get("internalErrors")).isZero();
    // Every task either never got into the task table, or is in the dump, or was left out of it
    // (its slot taken by a later task, or more finished than kept): the counts add up to exactly
    // the tasks started.
    assertThat(dropped.get("tasks") + dropped.get("finishedTasks") + dump.tasks().size())
        .isEqualTo(total);
    assertThat(dump.tasks()).hasSize(MAX_FINISHED).allMatch(t -> t.state().terminal());

    // The newest events, in time order, numbered on without a gap from the count of those before.
    // At most the ring's worth (no task is live at exit, so no start is pending), fewer when
    // starts written late with their task's next event are older than the rest of the ring.
    List<EventInfo> events = dump.events();
    assertThat(events).isNotEmpty().hasSizeLessThanOrEqualTo(MAX_EVENTS);
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).seq()).isEqualTo(dropped.get("events") + i);
      if (i > 0) {
        assertThat(events.get(i).t()).isGreaterThanOrEqualTo(events.get(i - 1).t());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void statisticsCountEveryTaskTheTablesDropped(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(Saturation.class, jdk, OPTIONS);
    Dump dump = runs.dump();
    long calls = calls(jdk);
    long failures = failures(jdk);
    assertThat(methodStats(dump, "Saturation.compute").count()).isEqualTo(calls);
    assertThat(methodStats(dump, "Saturation.compute").failed()).isEqualTo(failures);
    assertThat(methodStats(dump, "Saturation.square").count()).isEqualTo(calls);
    assertThat(methodStats(dump, "Saturation.square").failed()).isEqualTo(failures);
    var join =
        pointStats(dump, awaitPointAt(dump, location(Saturation.class, "await:join-square")));
    assertThat(join.count()).isEqualTo(calls);
    assertThat(join.failed()).isEqualTo(failures);

    DumpRecords raw = DumpRecords.read(runs.withAgent().dump());
    assertThat(raw.sum("spawnStats", "count")).as("SPAWNED tasks").isEqualTo(calls);
    assertThat(raw.sum("spawnStats", "failed")).isEqualTo(failures);
    assertThat(raw.sum("methodStats", "count") + raw.sum("spawnStats", "count"))
        .as("every task ended, and each is counted once")
        .isEqualTo(dump.end().totalTasks());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void theWatchdogDumpIsWholeAndShowsTheWaitingTask(Jdk jdk) throws Exception {
    AgentRuns runs = AgentRuns.of(Saturation.class, jdk, OPTIONS);
    Path stuck = runs.withAgent().dump().resolveSibling("x.stuck.aidump.jsonl");
    Dump dump = DumpReader.read(stuck);
    assertThat(dump.complete()).isTrue();
    assertThat(dump.warnings()).isEmpty();
    assertThat(dump.header().reason()).isEqualTo("stuck");
    TaskInfo waiter = dump.tasksNamed("Saturation.waitUntilFinished").get(0);
    assertThat(waiter.state()).isEqualTo(TaskState.BLOCKED);
    assertThat(dump.awaitPoint(waiter.await().point()).location())
        .isEqualTo(location(Saturation.class, "await:finished"));
    assertThat(runs.withAgent().stderr())
        .contains("Saturation.waitUntilFinished  BLOCKED")
        .contains("at " + location(Saturation.class, "await:finished") + " await()");
  }

  private static long calls(Jdk jdk) {
    return Saturation.CALLS + (jdk.feature() >= 21 ? Saturation.VIRTUAL_CALLS : 0);
  }

  private static long failures(Jdk jdk) {
    return calls(jdk) / Saturation.FAIL_EVERY;
  }
}
