package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/**
 * The completion node is used only once it is defined and has passed its check; until then {@code
 * install} says why not, and pending futures get {@code whenComplete} callbacks.
 */
class CompletionCallbacksTest {
  @Test
  void installRefusesWithAReasonUntilThePackageIsOpenAndTheClassFileGood() throws Exception {
    byte[] node;
    try (InputStream in =
        CompletionCallbacks.class.getResourceAsStream(
            "/META-INF/async-inspect/java/util/concurrent/AsyncInspectCompletion.class")) {
      node = in.readAllBytes();
    }
    // No agent in this JVM yet: java.util.concurrent is not open to the run-time classes.
    assertThat(CompletionCallbacks.install(node)).contains("IllegalAccessException");

    Instrumentation instrumentation = ByteBuddyAgent.install();
    instrumentation.redefineModule(
        Object.class.getModule(),
        Set.of(),
        Map.of(),
        Map.of("java.util.concurrent", Set.of(CompletionCallbacks.class.getModule())),
        Set.of(),
        Map.of());
    assertThat(CompletionCallbacks.install(new byte[] {1, 2, 3})).contains("ClassFormatError");

    assertThat(CompletionCallbacks.install(node)).isNull();
    assertThat(CompletionCallbacks.installed()).isTrue();
    Registry registry = new Registry();
    Recorder recorder = new Recorder(registry, RecorderSettings.defaults());
    Recorder.activate(recorder);
    TaskRecord task =
        recorder.start(registry.method("demo.Service", "call", "()V"), null, ThreadState.current());
    recorder.transition(task, TaskStates.SUSPENDED, null);
    CompletableFuture<String> future = new CompletableFuture<>();
    CompletionCallbacks.register(future, new FutureBinding(task, future));
    assertThat(future.getNumberOfDependents()).isEqualTo(1);
    assertThat(task.state).isEqualTo(TaskStates.SUSPENDED);

    future.completeExceptionally(new IllegalStateException("lost"));
    assertThat(future.getNumberOfDependents()).isZero();
    assertThat(task.state).isEqualTo(TaskStates.FAILED);
    assertThat(task.failure.message).isEqualTo("lost");

    // A future already done calls back at once, and keeps no node, as with whenComplete.
    TaskRecord late =
        recorder.start(registry.method("demo.Service", "late", "()V"), null, ThreadState.current());
    CompletableFuture<String> done = CompletableFuture.failedFuture(new IllegalStateException("x"));
    CompletionCallbacks.register(done, new FutureBinding(late, done));
    assertThat(late.state).isEqualTo(TaskStates.FAILED);
    assertThat(done.getNumberOfDependents()).isZero();
  }
}
