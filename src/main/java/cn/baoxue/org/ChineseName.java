package cn.baoxue.org;

import java.util.Set;

/**
 * A person's name (姓名) split for Camunda's last and first name: the family name is the first
 * character, or the first two for the common two-character family names (复姓). Baoxue's pages
 * write last + first, so the split never shows there; it matters only in Camunda Admin's columns.
 */
record ChineseName(String family, String given) {

  private static final Set<String> TWO_CHARACTER_FAMILY_NAMES =
      Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯",
          "轩辕", "端木", "独孤", "南宫", "西门", "澹台", "申屠", "呼延");

  static ChineseName of(String fullName) {
    String name = fullName.strip();
    int split = name.codePointCount(0, name.length()) > 2 && TWO_CHARACTER_FAMILY_NAMES.contains(prefix(name, 2)) ? 2 : 1;
    String family = prefix(name, split);
    return new ChineseName(family, name.substring(family.length()));
  }

  private static String prefix(String name, int codePoints) {
    return name.substring(0, name.offsetByCodePoints(0, Math.min(codePoints, name.codePointCount(0, name.length()))));
  }
}
