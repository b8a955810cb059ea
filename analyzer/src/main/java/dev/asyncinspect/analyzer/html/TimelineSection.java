package dev.asyncinspect.analyzer.html;

import dev.asyncinspect.analyzer.dump.Dump;

/** The zoomable timeline of the tasks: drawn by the page's script from the data written here. */
final class TimelineSection {
  private TimelineSection() {}

  static void write(Page page, Dump dump) {
    page.raw("<section id=\"timeline\">\n<h2>Timeline</h2>\n</section>\n");
  }
}
