package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.blockedAt;
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
import dev.asyncinspect.testapps.VirtualThreadDeadlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VirtualThreadDeadlockIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease21";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(VirtualThreadDeadlock.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout())
        .isEqualTo("deadlocked: transfer and audit wait for each other's lock\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void eachTaskHoldsTheLockTheOtherWaitsFor(Jdk jdk) {
    Dump dump = AgentRuns.of(VirtualThreadDeadlock.class, jdk).dump();
    TaskInfo transfer = onlyTask(dump, "VirtualThreadDeadlock.transfer");
    TaskInfo audit = onlyTask(dump, "VirtualThreadDeadlock.audit");

    ObjectInfo ledger = assertBlockedOnALock(dump, transfer, "await:transfer-locks-ledger");
    ObjectInfo accounts = assertBlockedOnALock(dump, audit, "await:audit-locks-accounts");
    assertThat(accounts.id()).isNotEqualTo(ledger.id());

    assertThat(transfer.holds()).containsExactly(accounts.id());
    assertThat(audit.holds()).containsExactly(ledger.id());
    assertThat(accounts.holders()).containsExactly(transfer.id());
    assertThat(accounts.waiters()).containsExactly(audit.id());
    assertThat(ledger.holders()).containsExactly(audit.id());
    assertThat(ledger.waiters()).containsExactly(transfer.id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void eachTaskTookItsFirstLockBeforeBlockingOnTheSecond(Jdk jdk) {
    Dump dump = AgentRuns.of(VirtualThreadDeadlock.class, jdk).dump();
    assertThat(blockedAt(dump, onlyTask(dump, "VirtualThreadDeadlock.transfer")))
        .startsWith(location(VirtualThreadDeadlock.class, "await:transfer-locks-accounts"))
        .endsWith(location(VirtualThreadDeadlock.class, "await:transfer-locks-ledger"));
    assertThat(blockedAt(dump, onlyTask(dump, "VirtualThreadDeadlock.audit")))
        .startsWith(location(VirtualThreadDeadlock.class, "await:audit-locks-ledger"))
        .endsWith(location(VirtualThreadDeadlock.class, "await:audit-locks-accounts"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void bothTasksRunOnVirtualThreads(Jdk jdk) {
    Dump dump = AgentRuns.of(VirtualThreadDeadlock.class, jdk).dump();
    for (String name : new String[] {"transfer", "audit"}) {
      TaskInfo task = onlyTask(dump, "VirtualThreadDeadlock." + name);
      assertThat(task.thread()).as("thread of %s", name).isNotNull();
      ThreadInfo thread = dump.thread(task.thread()).orElseThrow();
      assertThat(thread.virtual()).as("virtual %s", thread).isTrue();
      assertThat(thread.name()).isEqualTo(name);
    }
  }

  /** Asserts that the task is BLOCKED at the marked {@code lock()} and returns the lock. */
  private static ObjectInfo assertBlockedOnALock(Dump dump, TaskInfo task, String marker) {
    assertThat(task.kind()).isEqualTo(TaskKind.SYNC);
    assertThat(task.state()).as("state of %s", task.name()).isEqualTo(TaskState.BLOCKED);
    assertThat(task.parent()).as("a task on a new virtual thread is a root").isNull();
    assertThat(task.await()).as("await of %s", task.name()).isNotNull();

    AwaitPointInfo point = dump.awaitPoint(task.await().point());
    assertThat(point.location()).isEqualTo(location(VirtualThreadDeadlock.class, marker));
    assertThat(point.kind()).isEqualTo(AwaitKind.LOCK);
    // The call is ReentrantLock.lock(); the agent may name it by the interface.
    assertThat(point.operation()).isIn("Lock.lock", "ReentrantLock.lock");

    assertThat(task.await().object()).as("the lock %s waits for", task.name()).isNotNull();
    ObjectInfo lock = dump.object(task.await().object());
    assertThat(lock.kind()).isEqualTo(ObjectKind.LOCK);
    assertThat(lock.className()).isEqualTo("java.util.concurrent.locks.ReentrantLock");
    assertThat(lock.locked()).isTrue();
    return lock;
  }
}
