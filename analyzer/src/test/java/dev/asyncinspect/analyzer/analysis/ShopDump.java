package dev.asyncinspect.analyzer.analysis;

import static dev.asyncinspect.analyzer.dump.TaskState.BLOCKED;
import static dev.asyncinspect.analyzer.dump.TaskState.COMPLETED;
import static dev.asyncinspect.analyzer.dump.TaskState.RUNNING;
import static dev.asyncinspect.analyzer.dump.TaskState.SUSPENDED;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskKind;

/**
 * A hand-built dump with every feature of the call graph and the statistics, and numbers worked out
 * by hand, for the unit tests and the golden renderings. The dump is taken at 100 ms.
 *
 * <ul>
 *   <li>Order #1, {@code placeOrder} (task 1, 10-60 ms), reserves stock (task 2, 11-15 ms; returns
 *       a completed future), charges a card (task 3, 16-50 ms; suspends, awaited at point 1 from 19
 *       ms; the wait ends at 50.5 ms, right after task 3 ends) and sends a mail (task 6, 52-58 ms;
 *       sleeps). A join at point 2 from 18.5 to 18.6 ms finds its future done.
 *   <li>Order #2 (task 4, live since 70 ms) is blocked at point 2 since 72 ms on the future of its
 *       charge (task 5, live since 70.5 ms, suspended since 71 ms).
 *   <li>{@code Audit.record} has statistics but no task in the dump.
 * </ul>
 *
 * Self times: task 1 is 50 ms minus its children's union (4 + 34 + 6 = 44 ms) = 6 ms; task 4 is 30
 * ms minus 29.5 ms = 0.5 ms. The wall span is 10-100 ms = 90 ms, so {@code PaymentClient.charge}
 * (34 + 29.5 = 63.5 ms, 71 %) is the one bottleneck.
 */
final class ShopDump {
  static final long MS = 1_000_000;
  static final long US = 1_000;

  private ShopDump() {}

  static Dump build() {
    DumpBuilder dump =
        new DumpBuilder(100 * MS)
            .method(1, "OrderService.placeOrder", TaskKind.SYNC)
            .method(2, "Inventory.reserve", TaskKind.ASYNC)
            .method(3, "PaymentClient.charge", TaskKind.ASYNC)
            .method(4, "Mailer.send", TaskKind.SYNC)
            .method(5, "Audit.record", TaskKind.SYNC)
            .point(1, 1, "CompletableFuture.join", AwaitKind.FUTURE, 25)
            .point(2, 1, "CompletableFuture.join", AwaitKind.FUTURE, 26)
            .point(3, 4, "Thread.sleep", AwaitKind.SLEEP, 41)
            .point(4, 3, "ReentrantLock.lock", AwaitKind.LOCK, 33);
    dump.task(1, 1).ran(10 * MS, 60 * MS).times(8, 14 * MS, 36 * MS, 0);
    dump.task(2, 2).async().parent(1).ran(11 * MS, 15 * MS);
    dump.task(3, 3).async().parent(1).ran(16 * MS, 50 * MS).times(3, 2 * MS, 0, 32 * MS);
    dump.task(4, 1).live(BLOCKED, 70 * MS, 72 * MS).times(4, 2 * MS, 0, 0).awaiting(2, 1, 72 * MS);
    dump.task(5, 3).async().parent(4).live(SUSPENDED, 70500 * US, 71 * MS).future(1);
    dump.task(6, 4).parent(1).ran(52 * MS, 58 * MS).times(4, MS, 5 * MS, 0);
    dump.future(1, 5L, 4);
    dump.methodStats(1, 1, 30 * MS, 120 * MS, 0, 50 * MS, 40 * MS, 60 * MS)
        .methodStats(2, 0, 20 * MS, 0, 0, 4 * MS, 3 * MS, 5 * MS, 4 * MS, 4 * MS)
        .methodStats(3, 0, 4 * MS, 0, 50 * MS, 34 * MS, 20 * MS)
        .methodStats(4, 0, MS, 5 * MS, 0, 6 * MS)
        .methodStats(5, 0, 7 * MS, 0, 0, MS, MS, MS, MS, MS, MS, MS)
        .pointStats(1, 0, 31500 * US, 10 * MS)
        .pointStats(2, 1, 100 * US, 100 * US, 100 * US, 200 * US, 200 * US, 900 * US)
        .pointStats(3, 0, 4 * MS)
        .pointStats(4, 0);
    dump.event(10 * MS, 1, RUNNING)
        .event(11 * MS, 2, RUNNING)
        .event(15 * MS, 2, COMPLETED)
        .event(16 * MS, 3, RUNNING)
        .event(18 * MS, 3, SUSPENDED)
        .blocked(18500 * US, 1, 2)
        .event(18600 * US, 1, RUNNING)
        .blocked(19 * MS, 1, 1)
        .event(50 * MS, 3, COMPLETED)
        .event(50500 * US, 1, RUNNING)
        .event(52 * MS, 6, RUNNING)
        .blocked(53 * MS, 6, 3)
        .event(57 * MS, 6, RUNNING)
        .event(58 * MS, 6, COMPLETED)
        .event(60 * MS, 1, COMPLETED)
        .event(70 * MS, 4, RUNNING)
        .event(70500 * US, 5, RUNNING)
        .event(71 * MS, 5, SUSPENDED)
        .blocked(72 * MS, 4, 2);
    return dump.build();
  }
}
