package dev.asyncinspect.analyzer.dump;

/**
 * A {@code spawnPoint} record (format 1.1): a call that hands work to another thread, inside traced
 * code.
 *
 * @param id the spawn-point id
 * @param method the traced method that contains the call, or defines the lambda that makes it
 * @param file the source file, or null when unknown
 * @param line the source line of the call, or null when unknown
 * @param operation the call as written, {@code SimpleOwner.name}, e.g. {@code
 *     CompletableFuture.supplyAsync}
 * @param callee the called method, or null when the record does not name it
 */
public record SpawnPointInfo(
    int id, int method, String file, Integer line, String operation, Callee callee) {

  /** {@code File.java:line}, with {@code ?} for an unknown part. */
  public String location() {
    return (file == null ? "?" : file) + ":" + (line == null ? "?" : line);
  }
}
