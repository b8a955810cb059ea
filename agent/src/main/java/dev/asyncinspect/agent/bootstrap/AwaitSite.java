package dev.asyncinspect.agent.bootstrap;

/**
 * An await point: one call site, inside a traced method, of an operation that waits. Everything
 * here is known when the class is woven, so recording a wait costs no stack walk.
 */
public final class AwaitSite {
  /** The wait never makes the task hold anything. */
  public static final int ACQUIRES_NOTHING = 0;

  /** The wait acquires the awaited lock or monitor when it returns normally. */
  public static final int ACQUIRES_ALWAYS = 1;

  /** The wait acquires the awaited lock when it returns {@code true} ({@code tryLock}). */
  public static final int ACQUIRES_IF_TRUE = 2;

  final int id;
  final MethodSite method;
  final String file;
  final int line;
  final String operation;
  final String calleeOwner;
  final String calleeName;
  final String calleeDescriptor;
  final String kind;
  final boolean timed;
  final int acquires;

  /** Whether it waits on a future (join, get): such a wait on a done future returns at once. */
  final boolean onFuture;

  final Stats stats = new Stats();

  AwaitSite(
      int id,
      MethodSite method,
      String file,
      int line,
      String operation,
      String calleeOwner,
      String calleeName,
      String calleeDescriptor,
      String kind,
      boolean timed,
      int acquires) {
    this.id = id;
    this.method = method;
    this.file = file;
    this.line = line;
    this.operation = operation;
    this.calleeOwner = calleeOwner;
    this.calleeName = calleeName;
    this.calleeDescriptor = calleeDescriptor;
    this.kind = kind;
    this.timed = timed;
    this.acquires = acquires;
    this.onFuture = "FUTURE".equals(kind);
  }

  public int id() {
    return id;
  }
}
