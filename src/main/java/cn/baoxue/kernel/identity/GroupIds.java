package cn.baoxue.kernel.identity;

/**
 * The Camunda group ids (docs/architecture.md). Task routing, authorizations and jurisdiction all read
 * group ids through here, so the patterns live in one place.
 */
public final class GroupIds {

  public static final String PRINCIPALS = "principals";
  public static final String AUDITORS = "auditors";
  public static final String ADMINS = "camunda-admin";

  private static final String SCHOOL = "school_";
  private static final String VILLAGE = "village_";
  private static final String TOWNSHIP = "township_";
  private static final String COUNTY = "county_";
  private static final String PREFECTURE = "prefecture_";
  private static final String PROVINCE = "province_";
  private static final String WOMENFED = "womenfed_";

  private GroupIds() {}

  /** The group whose members work the cases of an org unit: school, village, township or county. */
  public static String of(OrgUnitType type, String code) {
    return prefix(type) + code;
  }

  public static String school(String schoolCode) {
    return SCHOOL + schoolCode;
  }

  public static String village(String villageCode) {
    return VILLAGE + villageCode;
  }

  public static String township(String townshipCode) {
    return TOWNSHIP + townshipCode;
  }

  public static String county(String countyCode) {
    return COUNTY + countyCode;
  }

  public static String prefecture(String prefectureCode) {
    return PREFECTURE + prefectureCode;
  }

  public static String province(String provinceCode) {
    return PROVINCE + provinceCode;
  }

  public static String womenFederation(String countyCode) {
    return WOMENFED + countyCode;
  }

  private static String prefix(OrgUnitType type) {
    return switch (type) {
      case SCHOOL -> SCHOOL;
      case VILLAGE -> VILLAGE;
      case TOWNSHIP -> TOWNSHIP;
      case COUNTY -> COUNTY;
      case PREFECTURE -> PREFECTURE;
      case PROVINCE -> PROVINCE;
    };
  }

  /** What a group stands for: a unit's staff (by level), a role across units, or anything else. */
  public enum Kind {
    SCHOOL, VILLAGE, TOWNSHIP, COUNTY, PREFECTURE, PROVINCE, WOMEN_FEDERATION, PRINCIPALS, AUDITORS, ADMINS, OTHER;

    /** Groups whose members work cases (and so are not read-only like auditors). */
    public boolean givesWork() {
      return this != AUDITORS && this != PRINCIPALS && this != OTHER;
    }
  }

  public static Kind kindOf(String groupId) {
    if (groupId == null) {
      return Kind.OTHER;
    }
    if (groupId.startsWith(SCHOOL)) {
      return Kind.SCHOOL;
    }
    if (groupId.startsWith(VILLAGE)) {
      return Kind.VILLAGE;
    }
    if (groupId.startsWith(TOWNSHIP)) {
      return Kind.TOWNSHIP;
    }
    if (groupId.startsWith(COUNTY)) {
      return Kind.COUNTY;
    }
    if (groupId.startsWith(PREFECTURE)) {
      return Kind.PREFECTURE;
    }
    if (groupId.startsWith(PROVINCE)) {
      return Kind.PROVINCE;
    }
    if (groupId.startsWith(WOMENFED)) {
      return Kind.WOMEN_FEDERATION;
    }
    return switch (groupId) {
      case PRINCIPALS -> Kind.PRINCIPALS;
      case AUDITORS -> Kind.AUDITORS;
      case ADMINS -> Kind.ADMINS;
      default -> Kind.OTHER;
    };
  }

  /** The org unit code a jurisdiction group stands for, or null for role groups. */
  public static String unitCode(String groupId) {
    for (String prefix : new String[] {SCHOOL, VILLAGE, TOWNSHIP, COUNTY, PREFECTURE, PROVINCE, WOMENFED}) {
      if (groupId.startsWith(prefix)) {
        return groupId.substring(prefix.length());
      }
    }
    return null;
  }
}
