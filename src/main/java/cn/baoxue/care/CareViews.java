package cn.baoxue.care;

import cn.baoxue.cases.PersonalDataPolicy;
import cn.baoxue.cases.PersonalDataPolicy.Disclosure;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.Roles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Pairings and contacts as the API and the pages show them: people and units by name, the
 * 身份证号 full or masked by {@link PersonalDataPolicy}.
 */
@Component
class CareViews {

  private final CarePairings pairings;
  private final OrgTree orgTree;
  private final Roles roles;

  CareViews(CarePairings pairings, OrgTree orgTree, Roles roles) {
    this.pairings = pairings;
    this.orgTree = orgTree;
    this.roles = roles;
  }

  record PairingView(
      Long id, String kind, String kindLabel, String idNumber, String name, String helper, String helperName,
      String schoolCode, String school, String villageCode, String village, String township, String county,
      String createdBy, String createdByUnit, LocalDateTime createdAt, boolean mayLog) {}

  record ContactView(
      Long id, Long pairingId, String type, String typeLabel, LocalDate date, String notes, BigDecimal amountYuan,
      String recordedBy, String recordedByName, LocalDateTime recordedAt) {}

  PairingView of(CarePairing p, Staff reader) {
    Disclosure disclosure = PersonalDataPolicy.disclosureFor(reader.groupIds());
    return new PairingView(
        p.getId(), p.getKind().name(), p.getKind().label(), disclosure.idNumber(p.getIdNumber()), p.getPersonName(),
        p.getHelper(), roles.person(p.getHelper()), p.getSchoolCode(),
        p.getSchoolCode() == null ? "" : orgTree.name(p.getSchoolCode()), p.getVillageCode(), orgTree.name(p.getVillageCode()),
        orgTree.name(p.getTownshipCode()), orgTree.name(p.getCountyCode()), roles.name(p.getCreatedBy()),
        roles.group(p.getCreatedByGroup()), p.getCreatedAt(), pairings.mayLog(p, reader));
  }

  List<PairingView> of(List<CarePairing> list, Staff reader) {
    return list.stream().map(p -> of(p, reader)).toList();
  }

  ContactView of(CareContact c) {
    return new ContactView(c.getId(), c.getPairingId(), c.getType().name(), c.getType().label(), c.getDate(), c.getNotes(),
        c.getAmountYuan(), c.getRecordedBy(), roles.person(c.getRecordedBy()), c.getRecordedAt());
  }
}
