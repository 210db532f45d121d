package cn.baoxue.org;

import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.GroupIds;
/** The school, home village, township and county that a case belongs to. */
public record CaseJurisdiction(OrgUnit school, OrgUnit village, OrgUnit township, OrgUnit county) {

  public String schoolGroup() {
    return GroupIds.of(school.getType(), school.getCode());
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
    return jurisdiction.covers(school.getCode(), village.getCode(), township.getCode(), county.getCode());
  }
}
