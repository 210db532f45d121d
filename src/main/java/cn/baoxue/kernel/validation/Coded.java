package cn.baoxue.kernel.validation;

import java.util.Arrays;
import java.util.Optional;

/** A code (docs/architecture.md, "names the outside relies on"): an upper-case English word with a Chinese label for people. */
public interface Coded {

  String name();

  String label();

  /** Finds a code by its name or by its Chinese label (imports carry either). */
  static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    return Arrays.stream(type.getEnumConstants())
        .filter(code -> code.name().equalsIgnoreCase(trimmed) || code.label().equals(trimmed))
        .findFirst();
  }
}
