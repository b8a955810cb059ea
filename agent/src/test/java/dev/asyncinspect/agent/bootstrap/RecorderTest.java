package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The recorder's bounds: when a table is full it drops and counts, and never throws. */
class RecorderTest {
  private final Registry registry = new Registry();
  private final MethodSite method = registry.method("demo.Service", "call", "()V");

  @Test
  void theTableHasRoomForTheLiveAndTheFinishedTasks() {
    assertThat(Recorder.tableSize(new RecorderSettings(16, 4, 64, true))).isEqualTo(32);
    assertThat(Recorder.tableSize(new RecorderSettings(16, 0, 64, true))).isEqualTo(16);
    assertThat(Recorder.tableSize(RecorderSettings.defaults())).isEqualTo(32_768);
  }

  @Test
  void theEndOfAnAsyncTaskGoesToTheStripeOfTheThreadThatCompletesIt() throws Exception {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 4, 64, true));
    TaskRecord task = recorder.start(method, null, ThreadState.current());
    recorder.transition(task, TaskStates.SUSPENDED, null);
    int[] completer = new int[1];
    long[][] written = new long[2][];
    Thread thread =
        new Thread(
            () -> {
              completer[0] = Stripes.current();
              written[0] = recorder.eventsWritten();
              recorder.finishAsync(task, TaskStates.COMPLETED, null);
              written[1] = recorder.eventsWritten();
            });
    thread.start();
    thread.join();
    assertThat(task.stripe).isEqualTo(completer[0]);
    assertThat(written[1][completer[0]]).isEqualTo(written[0][completer[0]] + 1);
    assertThat(method.stats.count()).isEqualTo(1);
  }

  @Test
  void tableFullDropsAndCountsButTheTaskStillWorks() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 4, 64, true));
    ThreadState thread = ThreadState.current();
    int kept = 0;
    for (int i = 0; i < 40; i++) {
      TaskRecord task = recorder.start(method, null, thread);
      if (task.slot >= 0) {
        kept++;
      }
    }
    assertThat(kept).isEqualTo(32);
    assertThat(recorder.droppedTasks.sum()).isEqualTo(8);
    assertThat(recorder.totalTasks()).isEqualTo(40);
    assertThat(recorder.liveCount()).isEqualTo(32);
  }

  @Test
  void finishedTasksStayInTheTableUntilLaterTasksTakeTheirSlots() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 4, 64, true));
    ThreadState thread = ThreadState.current();
    for (int i = 0; i < 100; i++) {
      TaskRecord task = recorder.start(method, null, thread);
      recorder.finish(task, TaskStates.COMPLETED, null);
    }
    assertThat(recorder.liveCount()).isZero();
    assertThat(recorder.droppedTasks.sum()).isZero();
    long minHeld = Long.MAX_VALUE;
    for (int slot = 0; slot < recorder.tableCapacity(); slot++) {
      TaskRecord task = recorder.taskAt(slot);
      assertThat(TaskStates.terminal(task.state)).isTrue();
      minHeld = Math.min(minHeld, task.id);
    }
    assertThat(minHeld).as("the newest 32 are held").isEqualTo(69);
    assertThat(method.stats.count()).isEqualTo(100);
  }

  @Test
  void aLiveTaskKeepsItsSlotWhateverStartsAfterIt() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 4, 64, true));
    ThreadState thread = ThreadState.current();
    TaskRecord longRunning = recorder.start(method, null, thread);
    for (int i = 0; i < 1000; i++) {
      recorder.finish(recorder.start(method, null, thread), TaskStates.COMPLETED, null);
    }
    assertThat(recorder.taskAt(longRunning.slot)).isSameAs(longRunning);
    assertThat(longRunning.id).isEqualTo(1);
    assertThat(recorder.droppedTasks.sum()).isZero();
    assertThat(recorder.liveCount()).isEqualTo(1);
  }

  @Test
  void aFinishedRecordIsReusedInItsSlotOnlyWhenALaterTaskNeedsTheSlot() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 4, 64, true));
    ThreadState thread = ThreadState.current();
    java.util.List<TaskRecord> records = new java.util.ArrayList<>();
    // Ids 1 to 32 fill the 32 slots, each a record of its own.
    for (int i = 0; i < 32; i++) {
      TaskRecord task = recorder.start(method, null, thread);
      assertThat(records).as("a new record while the table has room").doesNotContain(task);
      records.add(task);
      recorder.finish(task, TaskStates.COMPLETED, null);
    }
    TaskRecord first = records.get(0);
    int slot = first.slot;

    TaskRecord next = recorder.start(method, null, thread); // id 33: the slot of id 1

    assertThat(next).isSameAs(first);
    assertThat(next.id).isEqualTo(33);
    assertThat(next.slot).isEqualTo(slot);
    assertThat(next.state).isEqualTo(TaskStates.RUNNING);
    assertThat(next.sameTask(1)).isFalse();
    assertThat(next.transitions).isEqualTo(1);
    assertThat(recorder.taskAt(slot)).isSameAs(next);
    assertThat(method.stats.count()).isEqualTo(32);
  }

  @Test
  void aRecordSomethingElseReferencesIsNeverReused() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 0, 64, true));
    ThreadState thread = ThreadState.current();
    TaskRecord pending = recorder.start(method, null, thread);
    pending.recyclable = false; // as when a future's callback refers to it
    recorder.finish(pending, TaskStates.COMPLETED, null);
    for (int i = 0; i < 100; i++) {
      TaskRecord task = recorder.start(method, null, thread);
      assertThat(task).isNotSameAs(pending);
      recorder.finish(task, TaskStates.COMPLETED, null);
    }
    assertThat(pending.id).isEqualTo(1);
    assertThat(pending.state).isEqualTo(TaskStates.COMPLETED);
  }

  @Test
  void aSpawnedTasksWrapperDoesNotTouchTheRecordOnceItIsAnotherTasks() throws Exception {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 0, 64, true));
    Recorder.activate(recorder);
    try {
      ThreadState thread = ThreadState.current();
      SpawnSite site =
          registry.spawnSite(
              method, "call()V", 0, "Service.java", 7, "execute", "E", "execute", "()V");
      TaskRecord spawned = recorder.startSpawned(site, null, thread, null);
      int[] runs = new int[1];
      Runnable wrapper = new SpawnedWork.OfRunnable(() -> runs[0]++, spawned);
      wrapper.run();
      assertThat(spawned.state).isEqualTo(TaskStates.COMPLETED);
      TaskRecord reused = null;
      for (int i = 0; i < 16 && reused == null; i++) {
        TaskRecord task = recorder.start(method, null, thread);
        if (task == spawned) {
          reused = task;
        } else {
          recorder.finish(task, TaskStates.COMPLETED, null);
        }
      }
      assertThat(reused).as("the spawned task's record, reused").isNotNull();

      wrapper.run(); // run again by its executor, as a periodic task is

      assertThat(runs[0]).isEqualTo(2);
      assertThat(reused.state).isEqualTo(TaskStates.RUNNING);
      assertThat(reused.spawn).isNull();
      assertThat(site.stats.count()).isEqualTo(1);
    } finally {
      Recorder.activate(null);
    }
  }

  @Test
  void anAsyncTaskIsReusedOnceItsFutureCompleted() {
    Recorder recorder = new Recorder(registry, new RecorderSettings(16, 0, 64, true));
    ThreadState thread = ThreadState.current();
    TaskRecord async = recorder.start(method, null, thread);
    async.recyclable = false; // suspended: its future's callback refers to it
    recorder.finishAsync(async, TaskStates.COMPLETED, null); // the callback ran
    boolean reused = false;
    for (int i = 0; i < 16 && !reused; i++) {
      TaskRecord task = recorder.start(method, null, thread);
      reused = task == async;
      recorder.finish(task, TaskStates.COMPLETED, null);
    }
    assertThat(reused).isTrue();
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
