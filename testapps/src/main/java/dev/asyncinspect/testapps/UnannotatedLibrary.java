package dev.asyncinspect.testapps;

import dev.asyncinspect.testapps.library.Inventory;

/**
 * Calls a class that has no {@code @Trace}; run it with {@code
 * trace=dev.asyncinspect.testapps.library.**;dev.asyncinspect.testapps.library.Inventory#reserve}
 * to trace it anyway.
 */
public final class UnannotatedLibrary {

  public static void main(String[] args) {
    Inventory inventory = new Inventory();
    System.out.println(inventory.describe() + ": " + inventory.reserve("widget"));
  }
}
