package dev.asyncinspect.analyzer.analysis;

/**
 * Whether a traced method's asynchrony pays off, judged from how its calls ended (see {@link
 * AsyncUseEvidence} for the evidence and the rule).
 */
public enum AsyncUse {
  /** An ASYNC method at least one call of which returned a future that was not yet complete. */
  ASYNC_WHERE_NEEDED("async where needed"),
  /**
   * An ASYNC method every finished call of which returned an already completed future: it pays for
   * a future and gains nothing, and a plain return value would do.
   */
  COULD_BE_SYNCHRONOUS("could be synchronous"),
  /** A SYNC method: it returns a plain value, so there is nothing to judge. */
  SYNCHRONOUS("sync"),
  /** An ASYNC method none of whose calls has returned yet, as far as the dump shows. */
  UNDETERMINED("async, no call returned yet");

  private final String label;

  AsyncUse(String label) {
    this.label = label;
  }

  /** How reports name it, e.g. {@code could be synchronous}. */
  public String label() {
    return label;
  }
}
