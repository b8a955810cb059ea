package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.awaitPointAt;
import static dev.asyncinspect.e2e.DumpQueries.blockedAt;
import static dev.asyncinspect.e2e.DumpQueries.methodStats;
import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.DumpQueries.pointStats;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.OddCode;
import dev.asyncinspect.testapps.oddcode.AwaitFailures;
import dev.asyncinspect.testapps.oddcode.DoneWaits;
import dev.asyncinspect.testapps.oddcode.Shapes;
import dev.asyncinspect.testapps.oddcode.plugin.Fetcher;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd code under the agent, every class through the verifier ({@code -Xverify:all}): the program
 * prints the same, a class too large to weave runs untouched with one line, and every other shape
 * is traced exactly once per call.
 */
class OddCodeIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameAndOnlyTheOversizedClassIsLeftUntouched(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(OddCode.class, jdk);
    ProgramRun plain = runs.withoutAgent();
    assertThat(plain.exitCode()).as(plain.describe()).isZero();
    assertThat(plain.stdout())
        .as(plain.describe())
        .contains("join: java.util.concurrent.CompletionException caused by BOOM\n")
        .contains("futureGet: java.util.concurrent.ExecutionException caused by BOOM\n")
        .contains("nullMonitor: java.lang.NullPointerException\n")
        .contains("HugeFits: 1\n")
        .contains("fetcher loaded twice: true\n")
        .doesNotContain("still interrupted");
    ProgramRun traced = runs.withAgent();
    assertThat(traced.exitCode()).as(traced.describe()).isEqualTo(plain.exitCode());
    assertThat(traced.stdout()).as(traced.describe()).isEqualTo(plain.stdout());
    assertThat(traced.stderr().lines().filter(l -> l.contains("[async-inspect]")))
        .as(traced.describe())
        .singleElement()
        .asString()
        .matches(
            Pattern.quote(
                    "[async-inspect] could not weave "
                        + OddCode.OVERFLOWS
                        + ", it runs untraced: with tracing, its method"
                        + " compute(Ljava/util/concurrent/CompletableFuture;J)J would have ")
                + "\\d+"
                + Pattern.quote(" bytes of code, more than the 65535 the JVM allows"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void aMethodNearTheLimitIsWovenAndTheOneThatOverflowsIsNotInTheDump(Jdk jdk) {
    Dump dump = AgentRuns.of(OddCode.class, jdk).dump();
    TaskInfo fits = onlyTask(dump, "HugeFits.compute");
    assertThat(fits.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(dump.awaitPoints().values())
        .filteredOn(p -> p.method() == fits.method())
        .hasSize(OddCode.FITS_JOINS);
    assertThat(dump.methods().values())
        .extracting(MethodInfo::className)
        .doesNotContain(OddCode.OVERFLOWS);
    assertThat(dump.warnings()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void bridgesAreNotTasksAndEveryShapeIsTracedOncePerCall(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(OddCode.class, jdk);
    Dump dump = runs.dump();
    // Called once by describe and twice by fetchTwice, each time through the bridge.
    assertThat(methodStats(dump, "CachedSource.fetch").count()).isEqualTo(3);
    assertThat(dump.methods().values())
        .filteredOn(m -> m.name().equals("compareTo") || m.name().equals("fetch"))
        .extracting(MethodInfo::descriptor)
        .doesNotContain("()Ljava/util/concurrent/CompletionStage;", "(Ljava/lang/Object;)I");
    Matcher comparisons =
        Pattern.compile("comparisons (\\d+)").matcher(runs.withoutAgent().stdout());
    assertThat(comparisons.find()).isTrue();
    assertThat(methodStats(dump, "Version.compareTo").count())
        .isEqualTo(Long.parseLong(comparisons.group(1)));
    for (String name :
        List.of(
            "Op$1.apply",
            "Op$2.apply",
            "Shapes$1.get",
            "Local.name",
            "Inner.outerSize",
            "Source.describe",
            "Shapes.kind",
            "Shapes.wide",
            "Shapes.total",
            "Shapes.withResource")) {
      assertThat(dump.tasksNamed(name)).as(name).isNotEmpty().allMatch(t -> t.state().terminal());
    }
    assertThat(onlyTask(dump, "Source.fetchTwice").kind()).isEqualTo(TaskKind.ASYNC);
    assertThat(awaitPointAt(dump, location(Shapes.class, "await:lambda-join")).operation())
        .isEqualTo("CompletableFuture.join");

    // 201 nested calls, each the child of the one before.
    TaskInfo run = onlyTask(dump, "Shapes.run");
    List<TaskInfo> recursion = dump.tasksNamed("Shapes.recurse");
    assertThat(recursion).hasSize(201);
    Map<Long, TaskInfo> byId =
        recursion.stream().collect(Collectors.toMap(TaskInfo::id, task -> task));
    assertThat(recursion).filteredOn(t -> t.parent() == run.id()).hasSize(1);
    assertThat(recursion)
        .filteredOn(t -> t.parent() != run.id())
        .allMatch(t -> byId.containsKey(t.parent()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void everyAwaitPointThatThrowsEndsItsWaitAndFailsItsTask(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(OddCode.class, jdk);
    Dump dump = runs.dump();
    Map<String, String> printed =
        runs.withoutAgent()
            .stdout()
            .lines()
            .filter(l -> l.contains(": java."))
            .collect(Collectors.toMap(l -> l.split(": ")[0], l -> l.split(": ")[1]));
    for (String name : new AwaitFailures().cases().keySet()) {
      TaskInfo task = onlyTask(dump, "AwaitFailures." + name);
      assertThat(task.state()).as(name).isEqualTo(TaskState.FAILED);
      assertThat(printed.get(name)).as(name).startsWith(task.error().className());
      StatsInfo waits =
          pointStats(dump, awaitPointAt(dump, location(AwaitFailures.class, "fail:" + name)));
      assertThat(waits.count()).as("waits at %s", name).isEqualTo(1);
      assertThat(waits.failed()).as("waits at %s that threw", name).isEqualTo(1);
    }
    assertThat(dump.tasks()).as("no task is left waiting").allMatch(t -> t.state().terminal());
  }

  /**
   * A wait on a future already completed with a value is counted at its point without a change of
   * state; a JDK {@code FutureTask} can be asked so only from JDK 19 ({@code Future.state()}), and
   * before that its wait goes the whole way, as one on an application's own future class always
   * does. (So does one on a failed future: {@code futureGet} above.)
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void aWaitOnACompletedFutureReturnsAtOnceWithoutBlocking(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(OddCode.class, jdk);
    assertThat(runs.withAgent().stdout()).contains("done waits: abcd\n");
    Dump dump = runs.dump();
    TaskInfo task = onlyTask(dump, "DoneWaits.run");
    assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
    String get = location(DoneWaits.class, "done:get");
    String own = location(DoneWaits.class, "done:own-task");
    for (String marker : List.of("done:join", "done:get", "done:fork-join", "done:own-task")) {
      String at = location(DoneWaits.class, marker);
      assertThat(pointStats(dump, awaitPointAt(dump, at)).count()).as(at).isEqualTo(1);
    }
    assertThat(blockedAt(dump, task))
        .as("await points blocked at")
        .isEqualTo(jdk.feature() >= 19 ? List.of(own) : List.of(get, own));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void aClassDefinedByTwoLoadersIsTracedInBoth(Jdk jdk) {
    Dump dump = AgentRuns.of(OddCode.class, jdk).dump();
    List<TaskInfo> both = dump.tasksNamed("Fetcher.fetchBoth");
    assertThat(both).hasSize(2).allMatch(t -> t.state() == TaskState.COMPLETED);
    for (TaskInfo fetchBoth : both) {
      assertThat(dump.tasksNamed("Fetcher.fetch"))
          .filteredOn(t -> t.parent() == fetchBoth.id())
          .hasSize(2);
    }
    // Two joins on one line, each an await point; each class's copy ran them once.
    String joins = location(Fetcher.class, "await:fetcher-join");
    assertThat(dump.awaitPoints().values())
        .filteredOn(p -> p.location().equals(joins))
        .hasSize(2)
        .allSatisfy(p -> assertThat(pointStats(dump, p).count()).isEqualTo(2));
  }
}
