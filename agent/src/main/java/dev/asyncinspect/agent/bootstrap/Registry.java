package dev.asyncinspect.agent.bootstrap;

/**
 * The tables of traced methods, await points and spawn points. Entries are added when classes are
 * woven and read without locking by the hot path and by dumps. Ids start at 1 and are never reused,
 * so a constant woven into a class stays valid; weaving the same class again finds the same
 * entries.
 */
public final class Registry {
  private final IdTable<MethodSite> methods = new IdTable<>();
  private final IdTable<AwaitSite> awaitSites = new IdTable<>();
  private final IdTable<SpawnSite> spawnSites = new IdTable<>();

  /** The method with this identity, registered on first call. */
  public MethodSite method(String className, String name, String descriptor) {
    return methods.getOrAdd(
        className + '#' + name + descriptor, id -> new MethodSite(id, className, name, descriptor));
  }

  /**
   * The await point that is the {@code ordinal}-th waiting call in the code {@code unit} (the
   * traced method, or a lambda body it defines, as name and descriptor) of {@code method},
   * registered on first call.
   */
  public AwaitSite awaitSite(
      MethodSite method,
      String unit,
      int ordinal,
      String file,
      int line,
      String operation,
      String calleeOwner,
      String calleeName,
      String calleeDescriptor,
      String kind,
      boolean timed,
      int acquires) {
    return awaitSites.getOrAdd(
        method.id + ":" + unit + ":" + ordinal,
        id ->
            new AwaitSite(
                id,
                method,
                file,
                line,
                operation,
                calleeOwner,
                calleeName,
                calleeDescriptor,
                kind,
                timed,
                acquires));
  }

  /**
   * The spawn point that is the {@code ordinal}-th hand-off call in the code {@code unit} of {@code
   * method}, registered on first call. Ordinals are counted apart from await points.
   */
  public SpawnSite spawnSite(
      MethodSite method,
      String unit,
      int ordinal,
      String file,
      int line,
      String operation,
      String calleeOwner,
      String calleeName,
      String calleeDescriptor) {
    return spawnSites.getOrAdd(
        method.id + ":" + unit + ":" + ordinal,
        id ->
            new SpawnSite(
                id, method, file, line, operation, calleeOwner, calleeName, calleeDescriptor));
  }

  /**
   * The weaving of {@code className} failed: its methods registered after the first {@code
   * methodsBefore} are not traced after all, and dumps leave them out with their points.
   */
  public void unwoven(String className, int methodsBefore) {
    for (int id = methodsBefore + 1; id <= methods.count(); id++) {
      MethodSite method = methods.get(id);
      if (method != null && method.className.equals(className)) {
        method.unwoven = true;
      }
    }
  }

  /** How many methods are registered: for {@link #unwoven}. */
  public int methodsRegistered() {
    return methods.count();
  }

  MethodSite method(int id) {
    return methods.get(id);
  }

  AwaitSite awaitSite(int id) {
    return awaitSites.get(id);
  }

  SpawnSite spawnSite(int id) {
    return spawnSites.get(id);
  }

  int methodCount() {
    return methods.count();
  }

  int awaitSiteCount() {
    return awaitSites.count();
  }

  int spawnSiteCount() {
    return spawnSites.count();
  }
}
