package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Traced code that runs before any agent is there, and again after one was attached: its class
 * (with a record, a lambda and a bridge) is loaded and run first, then the program prints {@code
 * ready} and waits for a line on stdin; then it runs the same code again and hangs waiting for a
 * reply nobody sends, until it is killed.
 *
 * <p>Attach the agent between the two ({@code async-inspect dump <pid>}): the classes loaded before
 * are woven then, and the second run's calls are tasks.
 */
public final class LateAttach {
  private final CompletableFuture<String> reply = new CompletableFuture<>();

  /** A record with a traced method, reached through a bridge. */
  record Order(int id) implements Comparable<Order> {
    @Trace
    @Override
    public int compareTo(Order other) {
      return Integer.compare(id, other.id);
    }
  }

  public static void main(String[] args) throws IOException {
    LateAttach app = new LateAttach();
    String early = app.handle(1);
    System.out.println("ready");
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    in.readLine();
    System.out.println(early + " " + app.handle(2));
    System.out.println(app.awaitReply());
  }

  @Trace
  String handle(int id) {
    int order = new Order(id).compareTo(new Order(0));
    return CompletableFuture.supplyAsync(() -> "handled " + id + order).join(); // await:handle-join
  }

  @Trace
  String awaitReply() {
    return reply.join(); // await:late-reply
  }
}
