package org.attnpaths.notebooks.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result file as read from disk: its path, SHA-256, schema and JSON tree. {@link #read}
 * checks the schema before anything else and rejects unknown kinds and major versions.
 *
 * @param path the file as given on the command line
 * @param sha256 hex SHA-256 of the bytes read
 * @param kind {@link Kind#THEORY}, {@link Kind#SIMULATE} or {@link Kind#PRUNE}
 * @param root the parsed JSON (not copied; do not modify)
 */
public record ResultFile(Path path, String sha256, Kind kind, JsonNode root) {

  /** The schemas this report understands. */
  public enum Kind {
    THEORY("attnpaths.theory/1"), SIMULATE("attnpaths.simulate/1"), PRUNE("attnpaths.prune/1");

    private final String schema;

    Kind(String schema) {
      this.schema = schema;
    }

    public String schema() {
      return schema;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads and checks one result file.
   *
   * @throws IllegalArgumentException starting with the path: missing or unreadable file, not
   *     JSON, no {@code schema}, an unknown schema or an unknown major version
   */
  public static ResultFile read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(path + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(path + ": cannot read (" + e.getMessage() + ")");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(path + ": not a JSON result file ("
          + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException(path + ": cannot read (" + e.getMessage() + ")");
    }
    if (root == null || !root.isObject() || !root.path("schema").isTextual()) {
      throw new IllegalArgumentException(path + ": expected a JSON object with a \"schema\" field "
          + "(attnpaths.theory/1, attnpaths.simulate/1 or attnpaths.prune/1)");
    }
    String schema = root.get("schema").asText();
    for (Kind k : Kind.values()) {
      if (k.schema.equals(schema)) return new ResultFile(path, sha256(bytes), k, root);
    }
    String family = schema.contains("/") ? schema.substring(0, schema.indexOf('/')) : schema;
    for (Kind k : Kind.values()) {
      if (k.schema.startsWith(family + "/")) {
        throw new IllegalArgumentException(path + ": schema version " + schema
            + " is not supported (this attnpaths reads " + k.schema + ")");
      }
    }
    throw new IllegalArgumentException(path + ": unknown schema '" + schema
        + "' (expected attnpaths.theory/1, attnpaths.simulate/1 or attnpaths.prune/1)");
  }

  /** The {@code provenance} block as ordered text pairs, plus the file's path and hash. */
  public Map<String, String> provenance() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("file", path.toString());
    p.put("schema", kind.schema);
    p.put("sha256", sha256);
    root.path("provenance").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
    JsonNode cmd = root.path("config").path("commandLine");
    if (cmd.isArray()) {
      List<String> args = new ArrayList<>();
      cmd.forEach(a -> args.add(a.asText()));
      p.put("commandLine", String.join(" ", args));
    }
    return p;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
