package org.attnpaths.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An nbformat 4.5 notebook under construction: every cell has an {@code id} (unique,
 * {@code [A-Za-z0-9_-]{1,64}}) and {@code metadata}; code cells have {@code outputs} and
 * {@code execution_count} (null: the outputs are previews made without running Python). The
 * kernel is Python 3.
 */
final class Notebook {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ObjectNode root = F.objectNode();
  private final ArrayNode cells = F.arrayNode();
  private final Set<String> ids = new HashSet<>();

  Notebook(JsonNode extraMetadata) {
    ObjectNode metadata = F.objectNode();
    ObjectNode kernel = metadata.putObject("kernelspec");
    kernel.put("name", "python3").put("display_name", "Python 3").put("language", "python");
    metadata.putObject("language_info").put("name", "python");
    metadata.set("attnpaths", extraMetadata);
    root.set("cells", cells);
    root.set("metadata", metadata);
    root.put("nbformat", 4);
    root.put("nbformat_minor", 5);
  }

  void markdown(String id, String text) {
    ObjectNode c = cell(id, "markdown");
    c.set("source", lines(text));
  }

  /** A code cell; returns its {@code outputs} array for previews. */
  ArrayNode code(String id, String source) {
    ObjectNode c = cell(id, "code");
    c.putNull("execution_count");
    ArrayNode outputs = c.putArray("outputs");
    c.set("source", lines(source));
    return outputs;
  }

  /** A {@code display_data} output holding a PNG, as IPython's inline backend makes. */
  static void png(ArrayNode outputs, byte[] png, String altText) {
    ObjectNode o = outputs.addObject();
    o.put("output_type", "display_data");
    ObjectNode data = o.putObject("data");
    data.put("image/png", Base64.getEncoder().encodeToString(png));
    data.set("text/plain", lines(altText));
    o.putObject("metadata");
  }

  /** A {@code stream} output on stdout. */
  static void stdout(ArrayNode outputs, String text) {
    ObjectNode o = outputs.addObject();
    o.put("output_type", "stream");
    o.put("name", "stdout");
    ArrayNode a = o.putArray("text");
    for (String line : text.split("(?<=\n)")) a.add(line); // keeps each line's newline
  }

  ObjectNode json() {
    return root;
  }

  /** The notebook as UTF-8 JSON, indented by one space like Jupyter, with a final newline. */
  byte[] bytes() {
    try {
      String s = new ObjectMapper().writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
          .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter(" ", "\n")))
          .writeValueAsString(root);
      return (s + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serialises", e);
    }
  }

  private ObjectNode cell(String id, String type) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("cell id: expected [A-Za-z0-9_-]{1,64}, got '" + id + "'");
    }
    if (!ids.add(id)) throw new IllegalArgumentException("cell id: '" + id + "' used twice");
    ObjectNode c = cells.addObject();
    c.put("cell_type", type);
    c.put("id", id);
    c.putObject("metadata");
    return c;
  }

  /** Jupyter's multi-line string: a list of lines, each but the last ending in a newline. */
  private static ArrayNode lines(String text) {
    ArrayNode a = F.arrayNode();
    String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    String[] parts = t.split("\n", -1);
    for (int i = 0; i < parts.length; i++) a.add(i < parts.length - 1 ? parts[i] + "\n" : parts[i]);
    return a;
  }
}
