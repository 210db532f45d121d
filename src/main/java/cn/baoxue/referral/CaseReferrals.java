package cn.baoxue.referral;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.org.CountyDepartments;
import cn.baoxue.org.CountyDepartments.Department;
import cn.baoxue.org.OrgUnitRepository;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The case page's 联控联保 section ({@code @caseReferrals} in templates/cases/show.html): the case's
 * referrals with the departments' answers, and the form by which its township or county sends one.
 * The case page belongs to the cases feature, which knows nothing of referrals; the template asks here.
 */
@Component("caseReferrals")
public class CaseReferrals {

  private final Referrals referrals;
  private final CountyDepartments departments;
  private final OrgUnitRepository units;

  CaseReferrals(Referrals referrals, CountyDepartments departments, OrgUnitRepository units) {
    this.referrals = referrals;
    this.departments = departments;
    this.units = units;
  }

  /** The case's referrals; the caller has shown the case page, so the reader's jurisdiction covers it. */
  public List<ReferralView> of(String caseNumber, Authentication reader) {
    return referrals.ofCase(caseNumber, Staff.of(reader));
  }

  /** Whether the reader sends referrals for a case of this township and county: its township's staff and its county bureau. */
  public boolean maySend(String townshipCode, String countyCode, Authentication reader) {
    Staff staff = Staff.of(reader);
    return staff.isMemberOf(GroupIds.township(townshipCode)) || staff.isMemberOf(GroupIds.county(countyCode));
  }

  /** The departments the county has set up, to choose from. */
  public List<Department> departmentsOf(String countyCode) {
    return departments.departments().stream().filter(d -> units.existsById(d.unitCode(countyCode))).toList();
  }

  public List<ReferralType> types() {
    return Arrays.asList(ReferralType.values());
  }
}
