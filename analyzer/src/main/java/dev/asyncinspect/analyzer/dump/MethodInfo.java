package dev.asyncinspect.analyzer.dump;

/**
 * A {@code method} record: a traced method.
 *
 * @param id the method id
 * @param className the declaring class, a binary name (JSON field {@code class})
 * @param name the method name
 * @param descriptor the JVM method descriptor
 * @param task the task name shown to users
 * @param kind {@link TaskKind#ASYNC} or {@link TaskKind#SYNC}
 * @param file the source file name, or null when unknown
 * @param line the first line of the method's code, or null when unknown
 */
public record MethodInfo(
    int id,
    String className,
    String name,
    String descriptor,
    String task,
    TaskKind kind,
    String file,
    Integer line) {}
