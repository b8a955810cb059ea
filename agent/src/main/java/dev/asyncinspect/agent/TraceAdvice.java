package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.AsyncInspect;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The advice inlined into traced methods: one call into the run-time facade on entry and one on
 * exit. Stateless, and every throwable is suppressed, so the application never sees the agent.
 */
final class TraceAdvice {

  /** For methods that return anything but a future: a SYNC task. */
  static final class Sync {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@MethodId int methodId) {
      return AsyncInspect.enter(methodId);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object task, @Advice.Thrown Throwable thrown) {
      AsyncInspect.exit(task, thrown);
    }
  }

  /** For methods that return a {@code CompletionStage} or {@code Future}: an ASYNC task. */
  static final class Async {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@MethodId int methodId) {
      return AsyncInspect.enter(methodId);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @Advice.Enter Object task,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable thrown) {
      AsyncInspect.exitAsync(task, returned, thrown);
    }
  }

  private TraceAdvice() {}
}
