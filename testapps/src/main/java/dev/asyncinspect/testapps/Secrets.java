package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Traced code that handles secrets: an argument, a result, and exceptions whose messages (and
 * causes' messages) name a password. Then it hangs, as {@link HangingService} does, so that the
 * watchdog reports and dumps it while it runs.
 *
 * <p>Under the agent: no argument or result is in any dump; the exception messages are, unless the
 * option {@code errorMessages=false} is given.
 */
public final class Secrets {
  public static final String ARGUMENT = "argument-7f3a9c";
  public static final String RESULT = "result-51e0b2";
  public static final String PASSWORD = "password-c4d8e6";

  public static void main(String[] args) {
    Secrets app = new Secrets();
    String result = app.lookUp(ARGUMENT).join();
    String outcome;
    try {
      outcome = app.logIn(ARGUMENT);
    } catch (CompletionException e) {
      outcome = "refused";
    }
    System.out.println("ready");
    System.out.flush();
    System.out.println(result.length() + " " + outcome + " " + app.awaitApproval(ARGUMENT));
  }

  @Trace
  CompletableFuture<String> lookUp(String key) {
    return CompletableFuture.supplyAsync(() -> key.isEmpty() ? "" : RESULT);
  }

  @Trace
  String logIn(String user) {
    return checkPassword(user).join();
  }

  @Trace
  CompletableFuture<String> checkPassword(String user) {
    IOException cause = new IOException("store rejected " + PASSWORD);
    return CompletableFuture.failedFuture(
        new IllegalArgumentException("wrong password " + PASSWORD, cause));
  }

  /** Waits for an approval nobody gives: the program hangs here until it is killed. */
  @Trace
  String awaitApproval(String user) {
    return new CompletableFuture<String>().join() + user;
  }
}
