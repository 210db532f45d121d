package cn.baoxue.org;

import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.GroupIds;
/**
 * The school, home village, township and county that a case belongs to. The school is null for a
 * child with no 学籍: the township of her home village then does the school's part.
 */
public record CaseJurisdiction(OrgUnit school, OrgUnit village, OrgUnit township, OrgUnit county) {

  /** How pages, forms and documents name the school of a child with no 学籍. */
  public static final String NO_SCHOOL = "无学籍";

  public boolean hasSchool() {
    return school != null;
  }

  public String schoolGroup() {
    return hasSchool() ? GroupIds.of(school.getType(), school.getCode()) : townshipGroup();
  }

  public String schoolName() {
    return hasSchool() ? school.getName() : NO_SCHOOL;
  }

  public String villageGroup() {
    return GroupIds.of(village.getType(), village.getCode());
  }

  public String townshipGroup() {
    return GroupIds.of(township.getType(), township.getCode());
  }

  public String countyGroup() {
    return GroupIds.of(county.getType(), county.getCode());
  }

  /** Whether a member of these groups may act for this case's school, village, township or county. */
  public boolean isWithin(Jurisdiction jurisdiction) {
    return jurisdiction.covers(hasSchool() ? school.getCode() : null, village.getCode(), township.getCode(), county.getCode());
  }
}
