package dev.asyncinspect.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose calls the async-inspect agent follows as tasks.
 *
 * <p>When the JVM runs with {@code -javaagent:async-inspect-agent.jar}, every call of an annotated
 * method becomes a task:
 *
 * <ul>
 *   <li>a method that returns a {@link java.util.concurrent.CompletionStage} or a {@link
 *       java.util.concurrent.Future} starts an <em>async</em> task that lives until the returned
 *       future completes (it is suspended, holding no thread, while the future is pending);
 *   <li>any other method starts a <em>sync</em> task that lives until the method returns or throws.
 * </ul>
 *
 * <p>Inside an annotated method, calls that wait ({@code join}, {@code get}, locks, latches,
 * queues, sleeps, parks, {@code synchronized}) are recorded as await points, with what they wait on
 * and which task should complete it. A call of an annotated method made while another traced task
 * runs on the same thread is that task's child.
 *
 * <p>Without the agent this annotation does nothing: it is only read by the agent, matched by its
 * name, so the application needs no other part of async-inspect on its class path. The agent never
 * changes what the method does: it returns the same object and throws the same exceptions.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Trace {

  /**
   * The task name shown to users. Empty (the default) means {@code SimpleClassName.method}, for
   * example {@code UserService.fetchUser}.
   */
  String value() default "";
}
