package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.AwaitSite;

/**
 * One JDK operation that waits (or releases a lock), as it is called: owner type, name and
 * descriptor, and what the agent records about it.
 */
final class AwaitOperation {
  /** Where the object waited on comes from. */
  enum Source {
    /** The call's receiver ({@code future.join()}, {@code lock.lock()}). */
    RECEIVER,
    /** The first argument ({@code LockSupport.park(blocker)}). */
    ARG0,
    /** Nothing ({@code Thread.sleep}). */
    NONE
  }

  final String owner;
  final String name;
  final String descriptor;
  final boolean isStatic;
  final String kind;
  final Source source;
  final boolean timed;
  final int acquires;
  final boolean release;

  private AwaitOperation(
      String owner,
      String name,
      String descriptor,
      boolean isStatic,
      String kind,
      Source source,
      boolean timed,
      int acquires,
      boolean release) {
    this.owner = owner;
    this.name = name;
    this.descriptor = descriptor;
    this.isStatic = isStatic;
    this.kind = kind;
    this.source = source;
    this.timed = timed;
    this.acquires = acquires;
    this.release = release;
  }

  /** An instance method that waits on its receiver. */
  static AwaitOperation waitOn(String owner, String name, String descriptor, String kind) {
    return new AwaitOperation(
        owner,
        name,
        descriptor,
        false,
        kind,
        Source.RECEIVER,
        false,
        AwaitSite.ACQUIRES_NOTHING,
        false);
  }

  /** A static method that waits on {@code source}. */
  static AwaitOperation waitStatic(
      String owner, String name, String descriptor, String kind, Source source) {
    return new AwaitOperation(
        owner, name, descriptor, true, kind, source, false, AwaitSite.ACQUIRES_NOTHING, false);
  }

  /** A lock release ({@code Lock.unlock}). */
  static AwaitOperation release(String owner, String name, String descriptor) {
    return new AwaitOperation(
        owner,
        name,
        descriptor,
        false,
        "LOCK",
        Source.RECEIVER,
        false,
        AwaitSite.ACQUIRES_NOTHING,
        true);
  }

  AwaitOperation timed() {
    return new AwaitOperation(
        owner, name, descriptor, isStatic, kind, source, true, acquires, release);
  }

  AwaitOperation acquiring(int how) {
    return new AwaitOperation(owner, name, descriptor, isStatic, kind, source, timed, how, release);
  }

  /** {@code SimpleOwner.name} for a call whose owner type is {@code callOwner}. */
  static String label(String callOwner, String name) {
    String simple = callOwner.substring(callOwner.lastIndexOf('/') + 1);
    return simple.substring(simple.lastIndexOf('$') + 1) + "." + name;
  }
}
