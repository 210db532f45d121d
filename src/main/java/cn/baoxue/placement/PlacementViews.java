package cn.baoxue.placement;

import cn.baoxue.cases.PersonalDataPolicy;
import cn.baoxue.cases.PersonalDataPolicy.Disclosure;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.Roles;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** Disabled children as the API and the pages show them: people and units by name, the 身份证号 full or masked. */
@Component
class PlacementViews {

  private final Placements placements;
  private final OrgTree orgTree;
  private final Roles roles;

  PlacementViews(Placements placements, OrgTree orgTree, Roles roles) {
    this.placements = placements;
    this.orgTree = orgTree;
    this.roles = roles;
  }

  record Teacher(String id, String name) {}

  record ChildView(
      Long id, String idNumber, String name, String category, String categoryLabel, String level, String levelLabel,
      String schoolCode, String school, String villageCode, String village, String township, String county,
      String registeredBy, String registeredByUnit, LocalDateTime registeredAt,
      String placement, String placementLabel, String assessmentNote, String deferralReason, LocalDate deferralAppliedOn,
      String assessedBy, LocalDateTime assessedAt, List<Teacher> teachers, boolean mayAssess) {}

  ChildView of(DisabledChild c, Staff reader) {
    Disclosure disclosure = PersonalDataPolicy.disclosureFor(reader.groupIds());
    return new ChildView(
        c.getId(), disclosure.idNumber(c.getIdNumber()), c.getName(), c.getCategory().name(), c.getCategory().label(),
        c.getLevel().name(), c.getLevel().label(), c.getSchoolCode(),
        c.getSchoolCode() == null ? "" : orgTree.name(c.getSchoolCode()), c.getVillageCode(), orgTree.name(c.getVillageCode()),
        orgTree.name(c.getTownshipCode()), orgTree.name(c.getCountyCode()), roles.name(c.getRegisteredBy()),
        roles.group(c.getRegisteredByGroup()), c.getRegisteredAt(),
        c.getPlacement() == null ? null : c.getPlacement().name(), c.getPlacement() == null ? "待评估" : c.getPlacement().label(),
        c.getAssessmentNote(), c.getDeferralReason(), c.getDeferralAppliedOn(),
        c.getAssessedBy() == null ? null : roles.name(c.getAssessedBy()), c.getAssessedAt(),
        placements.teachersOf(c.getId()).stream().map(id -> new Teacher(id, roles.person(id))).toList(),
        c.getPlacement() == null && placements.mayAssess(c, reader));
  }

  List<ChildView> of(List<DisabledChild> list, Staff reader) {
    return list.stream().map(c -> of(c, reader)).toList();
  }
}
