package dev.asyncinspect.analyzer.html;

import java.util.List;

/** The HTML of a page being written: a string builder whose text methods always escape. */
final class Page {
  private final StringBuilder out = new StringBuilder(64 * 1024);

  /** Markup written as is: only for the report's own fixed tags, never for dump data. */
  Page raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Text, escaped. */
  Page text(String text) {
    out.append(Html.text(text));
    return this;
  }

  /** {@code <tag class="classes">text</tag>}, the text escaped. */
  Page element(String tag, String classes, String text) {
    out.append('<').append(tag);
    if (!classes.isEmpty()) {
      out.append(" class=\"").append(Html.text(classes)).append('"');
    }
    return raw(">").text(text).raw("</" + tag + ">");
  }

  /** A block of preformatted lines, escaped. */
  Page pre(String classes, List<String> lines) {
    return element("pre", classes, String.join("\n", lines));
  }

  /**
   * A table row of cells, escaped: the first {@code textColumns} cells are text, the others
   * numbers, right-aligned by the style sheet's {@code num} class.
   */
  Page row(int textColumns, List<String> cells, boolean header) {
    raw("<tr>");
    for (int i = 0; i < cells.size(); i++) {
      String tag = header ? "th" : "td";
      element(tag, i < textColumns ? "" : "num", cells.get(i));
    }
    return raw("</tr>\n");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
