package dev.asyncinspect.analyzer.dump;

import java.util.ArrayList;
import java.util.List;

/**
 * The reader's warnings, capped: a dump with a systematic problem (every task naming a missing
 * method) would otherwise bury the report under thousands of identical lines.
 */
final class WarningList {
  static final int MAX_WARNINGS = 100;

  private final List<String> warnings = new ArrayList<>();
  private int omitted;

  void add(String warning) {
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(warning);
    } else {
      omitted++;
    }
  }

  List<String> toList() {
    List<String> all = new ArrayList<>(warnings);
    if (omitted > 0) {
      all.add(omitted + " more warnings not shown");
    }
    return all;
  }
}
