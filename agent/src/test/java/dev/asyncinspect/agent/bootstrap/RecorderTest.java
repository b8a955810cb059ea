package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The recorder's bounds: when a table is full it drops and counts, and never throws. */
class RecorderTest {
  private final Registry registry = new Registry();
  private final MethodSite method = registry.method("demo.Service", "call", "()V");

  @Test
  void liveTableFullDropsAndCountsButTheTaskStillWorks() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 4, 64, true));
    ThreadState thread = ThreadState.current();
    int kept = 0;
    for (int i = 0; i < 40; i++) {
      TaskRecord task = recorder.start(method, null, thread);
      if (task.slot >= 0) {
        kept++;
      }
    }
    assertThat(kept).isEqualTo(16);
    assertThat(recorder.droppedTasks.sum()).isEqualTo(24);
    assertThat(recorder.totalTasks()).isEqualTo(40);
  }

  @Test
  void finishedTasksLeaveTheLiveTableAndOnlyTheNewestAreRetained() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 4, 64, true));
    ThreadState thread = ThreadState.current();
    for (int i = 0; i < 100; i++) {
      TaskRecord task = recorder.start(method, null, thread);
      recorder.finish(task, TaskStates.COMPLETED, null);
    }
    int live = 0;
    for (int slot = 0; slot < recorder.liveCapacity(); slot++) {
      live += recorder.liveAt(slot) == null ? 0 : 1;
    }
    assertThat(live).isZero();
    assertThat(recorder.droppedTasks.sum()).isZero();
    assertThat(recorder.droppedFinished()).isEqualTo(96);
    long minRetained = Long.MAX_VALUE;
    for (int i = 0; i < recorder.finishedCapacity(); i++) {
      minRetained = Math.min(minRetained, recorder.finishedAt(i).id);
    }
    assertThat(minRetained).isEqualTo(97);
    assertThat(method.stats.count()).isEqualTo(100);
  }

  @Test
  void aRecordIsReusedOnlyOnceItLeftTheFinishedRing() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 4, 64, true));
    ThreadState thread = ThreadState.current();
    TaskRecord first = recorder.start(method, null, thread);
    recorder.finish(first, TaskStates.COMPLETED, null);
    java.util.Set<TaskRecord> records =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    records.add(first);
    for (int i = 0; i < 3; i++) {
      TaskRecord task = recorder.start(method, null, thread);
      assertThat(records.add(task)).as("a new record while the ring holds the others").isTrue();
      recorder.finish(task, TaskStates.COMPLETED, null);
    }
    TaskRecord fifth = recorder.start(method, null, thread); // the ring is full, nothing free yet
    assertThat(records).doesNotContain(fifth);
    recorder.finish(fifth, TaskStates.COMPLETED, null); // pushes the first task out of the ring

    TaskRecord sixth = recorder.start(method, null, thread);

    assertThat(sixth).isSameAs(first);
    assertThat(sixth.id).isEqualTo(6);
    assertThat(sixth.state).isEqualTo(TaskStates.RUNNING);
    assertThat(sixth.sameTask(1)).isFalse();
    assertThat(sixth.transitions).isEqualTo(1);
    for (int i = 0; i < recorder.finishedCapacity(); i++) {
      assertThat(recorder.finishedAt(i)).isNotSameAs(sixth);
    }
    assertThat(method.stats.count()).isEqualTo(5);
  }

  @Test
  void aRecordSomethingElseReferencesIsNeverReused() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 1, 64, true));
    ThreadState thread = ThreadState.current();
    TaskRecord pending = recorder.start(method, null, thread);
    pending.recyclable = false; // as when a future's callback refers to it
    recorder.finish(pending, TaskStates.COMPLETED, null);
    TaskRecord next = recorder.start(method, null, thread);
    recorder.finish(next, TaskStates.COMPLETED, null); // pushes the pending one out
    TaskRecord after = recorder.start(method, null, thread);
    assertThat(after).isNotSameAs(pending);
    assertThat(pending.id).isEqualTo(1);
  }

  @Test
  void anAsyncTaskIsReusedOnceItsFutureCompleted() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 1, 64, true));
    ThreadState thread = ThreadState.current();
    TaskRecord async = recorder.start(method, null, thread);
    async.recyclable = false; // suspended: its future's callback refers to it
    recorder.finishAsync(async, TaskStates.COMPLETED, null); // the callback ran
    TaskRecord next = recorder.start(method, null, thread);
    recorder.finish(next, TaskStates.COMPLETED, null); // pushes the async one out
    assertThat(recorder.start(method, null, thread)).isSameAs(async);
  }

  @Test
  void aTaskEndsOnceEvenIfToldTwice() {
    Recorder recorder = new Recorder(registry, RecorderSettings.defaults());
    TaskRecord task = recorder.start(method, null, ThreadState.current());
    recorder.finish(task, TaskStates.FAILED, new IllegalStateException("first"));
    recorder.finish(task, TaskStates.COMPLETED, null);
    assertThat(task.state).isEqualTo(TaskStates.FAILED);
    assertThat(task.failure.message).isEqualTo("first");
    assertThat(method.stats.count()).isEqualTo(1);
  }

  @Test
  void errorMessagesCanBeLeftOut() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 4, 64, false));
    TaskRecord task = recorder.start(method, null, ThreadState.current());
    recorder.finish(task, TaskStates.FAILED, new IllegalStateException("secret token 123"));
    assertThat(task.failure.className).isEqualTo(IllegalStateException.class.getName());
    assertThat(task.failure.message).isNull();
  }
}
