package cn.baoxue.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request path into Camunda's REST API or the webapps' API, read strictly: only the spelling
 * Tasklist, Cockpit and scripts send is accepted. Tomcat, Spring and Jersey each forgive other
 * spellings in their own way — a trailing slash, an empty segment, {@code ;jsessionid=…}, {@code
 * %73tart} for {@code start}, {@code ..} — so a rule that reads one spelling is skipped by another.
 * A path that is not canonical is therefore not "fixed" but refused.
 *
 * <p>Canonical: no empty segment (no double slash; a trailing slash is kept apart and matches only
 * a template spelled with one), no {@code .} or {@code ..}
 * segment, no {@code ;}, no backslash, and percent-encoding only where a character must be
 * encoded — never for a letter, digit, {@code -._~}, {@code /}, {@code ;}, {@code %}, {@code \} or
 * a control character.
 *
 * @param door which list of templates the path is matched against
 * @param segments the decoded segments after the door's prefix: for the engine door, after
 *     {@code /engine-rest} or {@code /camunda/api/engine/engine/{name}}; for the webapp door, the
 *     whole path from {@code camunda}
 * @param trailingSlash whether the path ends in a slash
 */
record EngineApiPath(Door door, List<String> segments, boolean trailingSlash) {

  /** Camunda's REST API on /engine-rest and the same API served to the webapps. */
  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_API = "/camunda/api";
  private static final String WEBAPP_ENGINE = WEBAPP_API + "/engine/engine/";

  enum Door {
    /** The engine's REST resources, whichever of the two servlets serves them. */
    ENGINE,
    /** The webapps' own API: who am I, logout, the Cockpit, Tasklist, Admin and Welcome plugins. */
    WEBAPP
  }

  /** Characters that may appear unencoded in a segment: RFC 3986 pchar without ';'. */
  private static final String RAW = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,=:@";
  /** Characters that must never be percent-encoded: they have a plain spelling or a meaning in paths. */
  private static final String NEVER_ENCODED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/;%\\";

  /** The path, or empty if it is not canonical or not under one of the two APIs. */
  static Optional<EngineApiPath> parse(String rawPath) {
    boolean trailingSlash = rawPath != null && rawPath.length() > 1 && rawPath.endsWith("/");
    List<String> segments = decodedSegments(trailingSlash ? rawPath.substring(0, rawPath.length() - 1) : rawPath);
    if (segments == null) {
      return Optional.empty();
    }
    if (startsWith(segments, "engine-rest")) {
      return Optional.of(new EngineApiPath(Door.ENGINE, List.copyOf(segments.subList(1, segments.size())), trailingSlash));
    }
    if (rawPath.startsWith(WEBAPP_ENGINE) && segments.size() >= 5) {
      // camunda, api, engine, engine, {name}, …
      return Optional.of(new EngineApiPath(Door.ENGINE, List.copyOf(segments.subList(5, segments.size())), trailingSlash));
    }
    if (startsWith(segments, "camunda", "api")) {
      return Optional.of(new EngineApiPath(Door.WEBAPP, List.copyOf(segments), trailingSlash));
    }
    return Optional.empty();
  }

  /** Whether this path is spelled as the template: literal segments exactly, {x} any one segment. */
  boolean matches(EngineOperations.Operation operation) {
    if (operation.isWebapp() != (door == Door.WEBAPP) || operation.trailingSlash() != trailingSlash) {
      return false;
    }
    List<String> template = operation.segments();
    for (int i = 0; i < template.size(); i++) {
      String part = template.get(i);
      if (part.equals("**")) {
        return i == template.size() - 1 && segments.size() > i;
      }
      if (i >= segments.size()) {
        return false;
      }
      boolean variable = part.startsWith("{") && part.endsWith("}");
      if (!variable && !part.equals(segments.get(i))) {
        return false;
      }
    }
    return template.size() == segments.size();
  }

  /** The segments of a canonical absolute path, decoded; null if the path is not canonical. */
  static List<String> decodedSegments(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() == 1) {
      return null;
    }
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.substring(1).split("/", -1)) {
      String segment = decode(raw);
      if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return null;
      }
      segments.add(segment);
    }
    return segments;
  }

  private static String decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || !isUpperHex(raw.charAt(i + 1)) || !isUpperHex(raw.charAt(i + 2))) {
          return null;
        }
        int b = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
        if (b < 0x20 || b == 0x7F || (b < 0x80 && NEVER_ENCODED.indexOf(b) >= 0)) {
          return null;
        }
        bytes.write(b);
        i += 2;
      } else if (RAW.indexOf(c) >= 0) {
        bytes.write(c);
      } else {
        return null;
      }
    }
    byte[] decoded = bytes.toByteArray();
    String text = new String(decoded, StandardCharsets.UTF_8);
    // Overlong or broken UTF-8 would decode differently elsewhere.
    return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), decoded) ? text : null;
  }

  private static boolean isUpperHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
  }

  private static boolean startsWith(List<String> segments, String... prefix) {
    if (segments.size() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!segments.get(i).equals(prefix[i])) {
        return false;
      }
    }
    return true;
  }
}
