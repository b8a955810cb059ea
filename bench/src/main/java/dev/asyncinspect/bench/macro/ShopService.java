package dev.asyncinspect.bench.macro;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.asyncinspect.annotations.Trace;
import dev.asyncinspect.bench.VirtualThreads;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The macro benchmark's service: an HTTP server (the JDK's own) whose handler fans out three calls
 * to simulated back ends as {@code CompletableFuture}s, combines them and waits for the result. The
 * service methods carry both {@code @Trace} and OpenTelemetry's {@code @WithSpan}, so that either
 * agent instruments the same methods.
 *
 * <p>{@code ShopService platform|virtual}: request threads and back-end calls on platform thread
 * pools, or each on a virtual thread of its own (JDK 21+). Prints {@code READY port} when it
 * listens; {@code GET /order?id=N} is the work, {@code GET /stats} the JVM's allocated bytes and
 * CPU time so far, and the requests served.
 */
public final class ShopService {
  private final Executor backends;
  private final LongAdder served = new LongAdder();

  ShopService(Executor backends) {
    this.backends = backends;
  }

  /** Handles one request: a SYNC task that waits for the order's future. */
  @Trace
  @WithSpan
  public String handle(int id) {
    String body = order(id).join();
    served.increment();
    return body;
  }

  /** The order: three back-end calls in parallel, combined. */
  @Trace
  @WithSpan
  public CompletableFuture<String> order(int id) {
    CompletableFuture<Integer> stock = inventory(id);
    CompletableFuture<Integer> price = pricing(id);
    CompletableFuture<Integer> rating = reviews(id);
    return stock
        .thenCombine(price, Integer::sum)
        .thenCombine(rating, (sum, r) -> "order " + id + " " + (sum + r) + "\n");
  }

  @Trace
  @WithSpan
  public CompletableFuture<Integer> inventory(int id) {
    return CompletableFuture.supplyAsync(() -> Backend.call(id, 1), backends);
  }

  @Trace
  @WithSpan
  public CompletableFuture<Integer> pricing(int id) {
    return CompletableFuture.supplyAsync(() -> Backend.call(id, 2), backends);
  }

  @Trace
  @WithSpan
  public CompletableFuture<Integer> reviews(int id) {
    return CompletableFuture.supplyAsync(() -> Backend.call(id, 3), backends);
  }

  public static void main(String[] args) throws Throwable {
    boolean virtual = args.length > 0 && args[0].equals("virtual");
    ExecutorService requests;
    Executor backends;
    if (virtual) {
      requests = VirtualThreads.perTaskExecutor();
      backends = VirtualThreads.perTaskExecutor();
    } else {
      requests = Executors.newFixedThreadPool(32);
      backends = Executors.newFixedThreadPool(4);
    }
    ShopService shop = new ShopService(backends);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(requests);
    server.createContext(
        "/order",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          int id = query == null ? 0 : Integer.parseInt(query.substring(query.indexOf('=') + 1));
          reply(exchange, shop.handle(id));
        });
    server.createContext("/stats", exchange -> reply(exchange, stats(shop)));
    server.start();
    System.out.println("READY " + server.getAddress().getPort());
    System.out.flush();
  }

  /** {@code allocated=BYTES cpu=NANOS served=N}, for this whole JVM. */
  private static String stats(ShopService shop) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return "allocated="
        + allocatedBytes(threads)
        + " cpu="
        + os.getProcessCpuTime()
        + " served="
        + shop.served.sum()
        + "\n";
  }

  /**
   * Bytes allocated by this JVM so far: {@code getTotalThreadAllocatedBytes} where the JDK has it
   * (it counts ended threads too; not in Java 17's API, so found reflectively), else the live
   * threads' sum.
   */
  private static long allocatedBytes(com.sun.management.ThreadMXBean threads) {
    try {
      return (long)
          com.sun.management.ThreadMXBean.class
              .getMethod("getTotalThreadAllocatedBytes")
              .invoke(threads);
    } catch (ReflectiveOperationException e) {
      long sum = 0;
      for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
        sum += Math.max(0, bytes);
      }
      return sum;
    }
  }

  private static void reply(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
