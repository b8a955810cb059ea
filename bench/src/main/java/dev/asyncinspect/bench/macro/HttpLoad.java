package dev.asyncinspect.bench.macro;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed-loop load generator on loopback: a fixed number of connections (HTTP/1.1 keep-alive),
 * each sending its next request as soon as the previous answer arrived. Latencies of the measured
 * phase are kept whole (one long per request) and sorted for the percentiles. The client is a few
 * lines over a socket, so that the generator itself costs little CPU on the shared machine.
 */
final class HttpLoad {
  /** What the measured phase saw. */
  record Result(long requests, long nanos, long p50Nanos, long p99Nanos) {
    double throughput() {
      return requests * 1e9 / nanos;
    }
  }

  /** One keep-alive connection. */
  static final class Connection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Connection(int port) throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends {@code GET path} and returns the body; fails on any status but 200. */
    String get(String path) throws IOException {
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = line();
      if (!status.startsWith("HTTP/1.1 200")) {
        throw new IOException("unexpected answer: " + status);
      }
      int length = -1;
      for (String header = line(); !header.isEmpty(); header = line()) {
        if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Integer.parseInt(header.substring(15).trim());
        }
      }
      if (length < 0) {
        throw new IOException("answer without Content-Length");
      }
      return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /**
   * Runs {@code connections} closed loops against {@code port}: {@code warmupMillis} unmeasured,
   * then {@code measureMillis} measured; {@code between} runs between the two phases (to read the
   * service's counters).
   */
  static Result run(
      int port, int connections, long warmupMillis, long measureMillis, Runnable between)
      throws Exception {
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    long[][] latencies = new long[connections][];
    int[] counts = new int[connections];
    Thread[] threads = new Thread[connections];
    Throwable[] failure = new Throwable[1];
    for (int c = 0; c < connections; c++) {
      int me = c;
      threads[c] =
          new Thread(
              () -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try (Connection connection = new Connection(port)) {
                  for (int id = me; !stop.get(); id += connections) {
                    long start = System.nanoTime();
                    connection.get("/order?id=" + id);
                    long took = System.nanoTime() - start;
                    if (measuring.get()) {
                      if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                      }
                      mine[n++] = took;
                    }
                  }
                } catch (Throwable e) {
                  synchronized (failure) {
                    failure[0] = e;
                  }
                }
                latencies[me] = mine;
                counts[me] = n;
              },
              "load-" + c);
      threads[c].start();
    }
    Thread.sleep(warmupMillis);
    between.run();
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(measureMillis);
    measuring.set(false);
    long nanos = System.nanoTime() - start;
    between.run();
    stop.set(true);
    for (Thread thread : threads) {
      thread.join(60_000);
    }
    synchronized (failure) {
      if (failure[0] != null) {
        throw new IllegalStateException("load generator failed", failure[0]);
      }
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Result(total, nanos, percentile(all, 0.50), percentile(all, 0.99));
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
  }

  private HttpLoad() {}
}
