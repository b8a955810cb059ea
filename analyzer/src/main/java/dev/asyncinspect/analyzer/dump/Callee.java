package dev.asyncinspect.analyzer.dump;

/**
 * The method an await point calls.
 *
 * @param owner the class or interface named in the call, a binary name
 * @param name the method name
 * @param descriptor the JVM method descriptor
 */
public record Callee(String owner, String name, String descriptor) {}
