package dev.asyncinspect.agent.bootstrap;

import java.util.HashMap;
import java.util.Map;

/**
 * The tables of traced methods and await points. Entries are added when classes are woven (under
 * this registry's own lock, which only weaving threads take) and read without locking by the hot
 * path and by dumps. Ids start at 1 and are never reused, so a woven constant stays valid.
 */
public final class Registry {
  private final Map<String, MethodSite> methodsByKey = new HashMap<>();
  private final Map<String, AwaitSite> sitesByKey = new HashMap<>();
  private volatile MethodSite[] methods = new MethodSite[64];
  private volatile AwaitSite[] sites = new AwaitSite[256];
  private final Map<String, SpawnSite> spawnsByKey = new HashMap<>();
  private volatile SpawnSite[] spawns = new SpawnSite[64];
  private volatile int methodCount;
  private volatile int siteCount;
  private volatile int spawnCount;

  /** The method with this identity, registered on first call. */
  public synchronized MethodSite method(String className, String name, String descriptor) {
    String key = className + '#' + name + descriptor;
    MethodSite site = methodsByKey.get(key);
    if (site == null) {
      int id = methodCount + 1;
      site = new MethodSite(id, className, name, descriptor);
      MethodSite[] table = methods;
      if (id >= table.length) {
        table = java.util.Arrays.copyOf(table, table.length * 2);
      }
      table[id] = site;
      methods = table;
      methodCount = id;
      methodsByKey.put(key, site);
    }
    return site;
  }

  /**
   * The await point that is the {@code ordinal}-th waiting call in the code {@code unit} (the
   * traced method, or a lambda body it defines, as name and descriptor) of {@code method},
   * registered on first call; weaving the same class again finds the same point.
   */
  public synchronized AwaitSite awaitSite(
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
    String key = method.id + ":" + unit + ":" + ordinal;
    AwaitSite site = sitesByKey.get(key);
    if (site == null) {
      int id = siteCount + 1;
      site =
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
              acquires);
      AwaitSite[] table = sites;
      if (id >= table.length) {
        table = java.util.Arrays.copyOf(table, table.length * 2);
      }
      table[id] = site;
      sites = table;
      siteCount = id;
      sitesByKey.put(key, site);
    }
    return site;
  }

  /**
   * The spawn point that is the {@code ordinal}-th hand-off call in the code {@code unit} of {@code
   * method}, registered on first call. Ordinals are counted apart from await points.
   */
  public synchronized SpawnSite spawnSite(
      MethodSite method,
      String unit,
      int ordinal,
      String file,
      int line,
      String operation,
      String calleeOwner,
      String calleeName,
      String calleeDescriptor) {
    String key = method.id + ":" + unit + ":" + ordinal;
    SpawnSite site = spawnsByKey.get(key);
    if (site == null) {
      int id = spawnCount + 1;
      site =
          new SpawnSite(
              id, method, file, line, operation, calleeOwner, calleeName, calleeDescriptor);
      SpawnSite[] table = spawns;
      if (id >= table.length) {
        table = java.util.Arrays.copyOf(table, table.length * 2);
      }
      table[id] = site;
      spawns = table;
      spawnCount = id;
      spawnsByKey.put(key, site);
    }
    return site;
  }

  SpawnSite spawnSite(int id) {
    SpawnSite[] table = spawns;
    return id > 0 && id < table.length ? table[id] : null;
  }

  int spawnSiteCount() {
    return spawnCount;
  }

  MethodSite method(int id) {
    MethodSite[] table = methods;
    return id > 0 && id < table.length ? table[id] : null;
  }

  AwaitSite awaitSite(int id) {
    AwaitSite[] table = sites;
    return id > 0 && id < table.length ? table[id] : null;
  }

  int methodCount() {
    return methodCount;
  }

  int awaitSiteCount() {
    return siteCount;
  }
}
