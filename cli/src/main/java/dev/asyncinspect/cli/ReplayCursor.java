package dev.asyncinspect.cli;

/**
 * Where a replay is in a dump's history: the position (event {@code k} of {@code n}), the moment
 * shown, and whether it plays and how fast. Stepping shows the moment of the event stepped to and
 * stops playing; playing moves the moment on by the time that passed times the speed and takes in
 * every event up to it, and stops at the last event.
 */
final class ReplayCursor {
  /** Speeds are powers of two, from 1/1024x to 1024x. */
  private static final int MAX_SPEED_SHIFT = 10;

  private final ReplayHistory history;
  private int position = 1;
  private long time;
  private boolean playing;
  private int speedShift;

  ReplayCursor(ReplayHistory history) {
    this.history = history;
    this.time = history.timeAt(1);
  }

  int position() {
    return position;
  }

  long time() {
    return time;
  }

  boolean playing() {
    return playing;
  }

  /** The frame at the cursor. */
  ReplayFrame frame() {
    return ReplayFrames.at(history, position, time);
  }

  /** Moves by {@code delta} events (negative: back), within the history; stops playing. */
  void step(int delta) {
    playing = false;
    moveTo((int) Math.max(1, Math.min(history.size(), (long) position + delta)));
  }

  /** The number of events of a large step: 10, or a twentieth of the history when more. */
  int largeStep() {
    return Math.max(10, history.size() / 20);
  }

  void toStart() {
    playing = false;
    moveTo(1);
  }

  void toEnd() {
    playing = false;
    moveTo(history.size());
  }

  /** Plays, from the start when at the end; or pauses. */
  void playOrPause() {
    if (playing) {
      playing = false;
      return;
    }
    if (position == history.size()) {
      moveTo(1);
    }
    playing = true;
  }

  void faster() {
    speedShift = Math.min(MAX_SPEED_SHIFT, speedShift + 1);
  }

  void slower() {
    speedShift = Math.max(-MAX_SPEED_SHIFT, speedShift - 1);
  }

  /** {@code 1x}, {@code 4x}, {@code 1/8x}. */
  String speed() {
    return speedShift >= 0 ? (1 << speedShift) + "x" : "1/" + (1 << -speedShift) + "x";
  }

  /**
   * While playing, moves the moment on by {@code elapsedNanos} of real time at the speed and takes
   * in the events up to it; at the last event it stops. Returns whether anything changed.
   */
  boolean advance(long elapsedNanos) {
    if (!playing) {
      return false;
    }
    long recorded =
        speedShift >= 0 ? saturatedShift(elapsedNanos, speedShift) : elapsedNanos >> -speedShift;
    long end = history.timeAt(history.size());
    long next = time + recorded < time ? Long.MAX_VALUE : time + recorded;
    // Event times of different threads may be slightly out of order: the position follows seq.
    while (position < history.size() && history.timeAt(position + 1) <= next) {
      position++;
    }
    time = Math.max(time, Math.min(next, end));
    if (position == history.size()) {
      playing = false;
      time = history.timeAt(position);
    }
    return true;
  }

  private void moveTo(int target) {
    position = target;
    time = history.timeAt(target);
  }

  private static long saturatedShift(long value, int shift) {
    return value > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : value << shift;
  }
}
