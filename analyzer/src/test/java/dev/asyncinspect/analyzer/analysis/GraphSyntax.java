package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict readers of the line-per-statement DOT and Mermaid that the renderers write: every line
 * must be a statement the reader knows, every quoted string must be properly escaped, and no node
 * may be declared twice. Tests then check that edges only reference declared nodes.
 */
final class GraphSyntax {
  private GraphSyntax() {}

  /** DOT nodes (id to unescaped label) and edges ([from, to]). */
  record Dot(Map<String, String> nodes, List<List<String>> edges) {
    private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final String ATTRIBUTES = "((?:, \\w+=(?:\\w+|" + STRING + "))*)";
    private static final Pattern NODE =
        Pattern.compile("  " + STRING + " \\[label=" + STRING + ATTRIBUTES + "\\];");
    private static final Pattern EDGE =
        Pattern.compile(
            "  " + STRING + " -> " + STRING + " \\[label=" + STRING + ATTRIBUTES + "\\];");
    private static final Pattern OTHER =
        Pattern.compile(
            "digraph " + STRING + " \\{|  rankdir=LR;|  (node|edge) \\[\\w+=.*\\];|\\}");

    static Dot parse(List<String> lines) {
      assertThat(lines.get(0)).startsWith("digraph ");
      assertThat(lines.get(lines.size() - 1)).isEqualTo("}");
      Map<String, String> nodes = new LinkedHashMap<>();
      List<List<String>> edges = new ArrayList<>();
      for (String line : lines) {
        Matcher node = NODE.matcher(line);
        Matcher edge = EDGE.matcher(line);
        if (node.matches()) {
          String id = unescape(node.group(1));
          if (nodes.put(id, unescape(node.group(2))) != null) {
            fail("node %s declared twice", id);
          }
        } else if (edge.matches()) {
          edges.add(List.of(unescape(edge.group(1)), unescape(edge.group(2))));
        } else if (!OTHER.matcher(line).matches()) {
          fail("not a DOT statement this reader knows: %s", line);
        }
      }
      return new Dot(nodes, edges);
    }

    /** Reverses the escapes of a DOT quoted string: backslash-quote, double backslash, \n. */
    private static String unescape(String text) {
      StringBuilder plain = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != '\\') {
          plain.append(c);
          continue;
        }
        char next = text.charAt(++i);
        plain.append(next == 'n' ? '\n' : next);
      }
      return plain.toString();
    }
  }

  /** Mermaid nodes (id to label as written, entities and all) and edges ([from, to]). */
  record Mermaid(Map<String, String> nodes, List<List<String>> edges) {
    // Shapes: [box], (rounded), ([stadium]), [[subroutine]], {rhombus}.
    private static final Pattern NODE =
        Pattern.compile(
            "  ([a-z]+\\d+)(\\[|\\(|\\(\\[|\\[\\[|\\{)\"([^\"]*)\"(\\]|\\)|\\]\\)|\\]\\]|\\})(:::\\w+)?");
    private static final Map<String, String> CLOSING =
        Map.of("[", "]", "(", ")", "([", "])", "[[", "]]", "{", "}");
    private static final Pattern EDGE =
        Pattern.compile("  ([a-z]+\\d+) (-->|-\\.->)\\|\"([^\"]*)\"\\| ([a-z]+\\d+)");
    private static final Pattern CLASS_DEF = Pattern.compile("  classDef \\w+ [\\w:#,.\\- ]+");
    private static final Pattern CLASS = Pattern.compile("  class [a-z]+\\d+(,[a-z]+\\d+)* \\w+");
    private static final Pattern LINK_STYLE =
        Pattern.compile("  linkStyle \\d+(,\\d+)* [\\w:#,.\\- ]+");
    // Outside entities and <br/>, a label must hold none of the characters Mermaid reads.
    private static final Pattern SAFE_LABEL = Pattern.compile("(?:[^\"#<>&`|]|#\\w+;|<br/>)*");

    static Mermaid parse(List<String> lines) {
      assertThat(lines.get(0)).isEqualTo("flowchart LR");
      Map<String, String> nodes = new LinkedHashMap<>();
      List<List<String>> edges = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        Matcher node = NODE.matcher(line);
        Matcher edge = EDGE.matcher(line);
        if (node.matches()) {
          checkLabel(node.group(3));
          assertThat(node.group(4)).as("closing bracket").isEqualTo(CLOSING.get(node.group(2)));
          if (nodes.put(node.group(1), node.group(3)) != null) {
            fail("node %s declared twice", node.group(1));
          }
        } else if (edge.matches()) {
          checkLabel(edge.group(3));
          edges.add(List.of(edge.group(1), edge.group(4)));
        } else if (!CLASS_DEF.matcher(line).matches()
            && !CLASS.matcher(line).matches()
            && !LINK_STYLE.matcher(line).matches()) {
          fail("not a Mermaid statement this reader knows: %s", line);
        }
      }
      return new Mermaid(nodes, edges);
    }

    private static void checkLabel(String label) {
      assertThat(label).as("escaped Mermaid label").matches(SAFE_LABEL);
    }
  }
}
