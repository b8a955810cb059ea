package dev.asyncinspect.analyzer.dump;

/**
 * An {@code awaitPoint} record: a call that waits, inside traced code.
 *
 * @param id the await-point id
 * @param method the id of the traced method that contains the call
 * @param file the source file, or null when unknown
 * @param line the source line of the call, or null when unknown
 * @param operation what is called, {@code SimpleOwner.name}, e.g. {@code CompletableFuture.join}
 * @param callee the called method; null for {@code synchronized} (monitor entry)
 * @param kind what the call waits on
 * @param timed whether the call has a timeout
 */
public record AwaitPointInfo(
    int id,
    int method,
    String file,
    Integer line,
    String operation,
    Callee callee,
    AwaitKind kind,
    boolean timed) {

  /** {@code File.java:line}, with {@code ?} for an unknown part. */
  public String location() {
    return (file == null ? "?" : file) + ":" + (line == null ? "?" : line);
  }
}
