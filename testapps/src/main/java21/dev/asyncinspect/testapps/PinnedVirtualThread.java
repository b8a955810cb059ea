package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.List;

/**
 * A virtual thread pinned to its carrier: traced code on a virtual thread triggers a class whose
 * static initializer blocks. While it blocks, the virtual thread cannot unmount and its carrier
 * thread serves nobody else. Then the program says {@code ready} and stays up until it is killed,
 * so that the live tools can look at it.
 */
public final class PinnedVirtualThread {

  /** Loads slowly when first used. */
  static final class Catalog {
    static final List<String> ITEMS;

    static {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ITEMS = List.of("apple", "pear");
    }
  }

  public static void main(String[] args) throws InterruptedException {
    PinnedVirtualThread app = new PinnedVirtualThread();
    Thread lookup = Thread.ofVirtual().name("lookup").start(app::lookup);
    lookup.join();
    System.out.println("ready");
    System.out.println("looked up " + app.found + " items");
    new java.util.concurrent.CountDownLatch(1).await(); // until killed
  }

  private volatile int found;

  @Trace
  void lookup() {
    found = Catalog.ITEMS.size(); // pin:catalog
  }
}
