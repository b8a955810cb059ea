package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.dump.ThreadInfo;
import dev.asyncinspect.testapps.StuckFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StuckFutureIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(StuckFuture.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout())
        .isEqualTo("profile loader is stuck waiting for the user\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void loadProfileIsBlockedOnTheFutureOfItsSuspendedChild(Jdk jdk) {
    Dump dump = AgentRuns.of(StuckFuture.class, jdk).dump();
    TaskInfo loadProfile = onlyTask(dump, "StuckFuture.loadProfile");
    TaskInfo fetchUser = onlyTask(dump, "StuckFuture.fetchUser");

    assertThat(loadProfile.kind()).isEqualTo(TaskKind.SYNC);
    assertThat(loadProfile.state()).isEqualTo(TaskState.BLOCKED);
    assertThat(loadProfile.parent()).isNull();
    assertThat(loadProfile.await()).as("await of %s", loadProfile).isNotNull();

    AwaitPointInfo join = dump.awaitPoint(loadProfile.await().point());
    assertThat(join.location()).isEqualTo(location(StuckFuture.class, "await:join-user"));
    assertThat(join.operation()).isEqualTo("CompletableFuture.join");
    assertThat(join.kind()).isEqualTo(AwaitKind.FUTURE);

    assertThat(fetchUser.kind()).isEqualTo(TaskKind.ASYNC);
    assertThat(fetchUser.state()).isEqualTo(TaskState.SUSPENDED);
    assertThat(fetchUser.parent()).isEqualTo(loadProfile.id());

    assertThat(loadProfile.await().object()).as("the awaited future").isNotNull();
    ObjectInfo future = dump.object(loadProfile.await().object());
    assertThat(future.kind()).isEqualTo(ObjectKind.FUTURE);
    assertThat(future.className()).isEqualTo("java.util.concurrent.CompletableFuture");
    assertThat(future.done()).isFalse();
    assertThat(future.producer()).isEqualTo(fetchUser.id());
    assertThat(future.waiters()).containsExactly(loadProfile.id());
    assertThat(fetchUser.future()).isEqualTo(future.id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void theBlockedTaskRunsOnTheLoaderThread(Jdk jdk) {
    Dump dump = AgentRuns.of(StuckFuture.class, jdk).dump();
    TaskInfo loadProfile = onlyTask(dump, "StuckFuture.loadProfile");
    assertThat(loadProfile.thread()).as("thread of %s", loadProfile).isNotNull();
    assertThat(loadProfile.startThread()).isEqualTo(loadProfile.thread());

    ThreadInfo loader = dump.thread(loadProfile.thread()).orElseThrow();
    assertThat(loader.name()).isEqualTo("profile-loader");
    assertThat(loader.virtual()).isFalse();
    assertThat(loader.daemon()).isTrue();
    assertThat(loader.state()).isEqualTo("WAITING");
  }
}
