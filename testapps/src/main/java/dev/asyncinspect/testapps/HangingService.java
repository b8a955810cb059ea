package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CompletableFuture;

/**
 * A service that hangs and stays hung, as a real one does, until it is killed: its request handler
 * waits for a reply nobody will send. For the live tools: {@code ps}, {@code dump <pid>}, the
 * watchdog.
 */
public final class HangingService {
  private final CompletableFuture<String> reply = new CompletableFuture<>();

  public static void main(String[] args) {
    System.out.println("ready");
    System.out.flush();
    System.out.println(new HangingService().handleRequest());
  }

  @Trace
  String handleRequest() {
    return "answered " + awaitReply().join(); // await:reply
  }

  @Trace
  CompletableFuture<String> awaitReply() {
    return reply;
  }
}
