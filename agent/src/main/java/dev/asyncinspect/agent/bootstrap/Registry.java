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
  private volatile int methodCount;
  private volatile int siteCount;

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
   * The await point that is the {@code ordinal}-th waiting call in {@code method}, registered on
   * first call; weaving the same class again finds the same point.
   */
  public synchronized AwaitSite awaitSite(
      MethodSite method,
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
    String key = method.id + ":" + ordinal;
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
