package cn.baoxue.referral;

import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.cases.ChildWhereabouts;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.HomeVisit;
import cn.baoxue.cases.HomeVisitRepository;
import cn.baoxue.cases.PersonalDataPolicy;
import cn.baoxue.cases.PersonalDataViewed;
import cn.baoxue.cases.SpecialGroup;
import cn.baoxue.cases.Student;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.Roles;
import cn.baoxue.referral.ReferralType.Fact;
import cn.baoxue.referral.ReferralView.ChildFacts;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Builds what a reader sees of a referral, and of the child behind it where she may see that. */
@Component
class ReferralViews {

  private final Roles roles;
  private final OrgTree orgTree;
  private final HomeVisitRepository homeVisits;
  private final WorkingDayCalendar calendar;
  private final ApplicationEventPublisher events;

  ReferralViews(Roles roles, OrgTree orgTree, HomeVisitRepository homeVisits,
      WorkingDayCalendar calendar, ApplicationEventPublisher events) {
    this.roles = roles;
    this.orgTree = orgTree;
    this.homeVisits = homeVisits;
    this.calendar = calendar;
    this.events = events;
  }

  /** Without the child's facts. */
  ReferralView of(Referral referral, DropoutCase dropoutCase, boolean withFacts) {
    return of(referral, dropoutCase, withFacts, null);
  }

  /**
   * With the child's facts if {@code withFacts}; a full 身份证号 shown to {@code reader} is recorded
   * as a read of personal data, like the case page's.
   */
  ReferralView of(Referral referral, DropoutCase dropoutCase, boolean withFacts, String reader) {
    ChildFacts child = withFacts ? facts(referral.getType(), dropoutCase) : null;
    if (child != null && child.idNumberInFull() && reader != null) {
      events.publishEvent(new PersonalDataViewed(dropoutCase.getStudent().getId(), dropoutCase.getId(), reader, "referral"));
    }
    boolean overdue = referral.getStatus().isOpen() && calendar.today().isAfter(referral.getDueOn());
    return new ReferralView(
        referral.getId(),
        dropoutCase.getCaseNumber(),
        referral.getType().name(),
        referral.getType().label(),
        referral.getDepartmentCode(),
        orgTree.name(referral.getDepartmentUnit()),
        referral.getRequestText(),
        referral.getStatus().name(),
        referral.getStatus().label(),
        roles.person(referral.getSentBy()),
        referral.getSentAt(),
        referral.getDueOn(),
        overdue,
        referral.getAnsweredBy() == null ? null : roles.person(referral.getAnsweredBy()),
        referral.getAnsweredAt(),
        referral.getRejectReason(),
        referral.getActionTaken(),
        referral.getClosedBy() == null ? null : roles.person(referral.getClosedBy()),
        referral.getClosedAt(),
        referral.getAnsweredAt() == null ? null
                : calendar.workingDaysBetween(referral.getSentAt().toLocalDate(), referral.getAnsweredAt().toLocalDate()),
        child);
  }

  private ChildFacts facts(ReferralType type, DropoutCase dropoutCase) {
    Student student = dropoutCase.getStudent();
    boolean fullId = type.discloses(Fact.FULL_ID_NUMBER);
    String idNumber = student.getIdNumber();
    String whereabouts = null;
    if (type.discloses(Fact.WHEREABOUTS)) {
      List<HomeVisit> visits = homeVisits.findByCaseIdOrderByRecordedAtAscIdAsc(dropoutCase.getId());
      whereabouts = visits.isEmpty() ? "尚未家访" : describe(visits.get(visits.size() - 1));
    }
    String specialGroups = null;
    if (type.discloses(Fact.SPECIAL_GROUPS)) {
      specialGroups = student.getSpecialGroups() == null ? "无" : Arrays.stream(student.getSpecialGroups().split(","))
          .map(code -> Coded.find(SpecialGroup.class, code).map(SpecialGroup::label).orElse(null))
          .filter(Objects::nonNull)
          .collect(Collectors.joining("、"));
    }
    return new ChildFacts(
        student.getName(),
        "F".equals(student.getGender()) ? "女" : "M".equals(student.getGender()) ? "男" : null,
        fullId ? String.valueOf(student.getBirthDate())
            : PersonalDataPolicy.maskBirthDate(student.getBirthDate() == null ? null : student.getBirthDate().toString()),
        idNumber == null ? null : fullId ? idNumber : PersonalDataPolicy.maskIdNumber(idNumber),
        fullId && idNumber != null,
        student.getGuardianName(),
        type.discloses(Fact.GUARDIAN_PHONE) ? student.getGuardianPhone() : PersonalDataPolicy.maskPhone(student.getGuardianPhone()),
        orgTree.name(dropoutCase.getTownshipCode()) + orgTree.name(dropoutCase.getVillageCode()),
        orgTree.schoolName(dropoutCase.getSchoolCode()),
        dropoutCase.getGrade(),
        dropoutCase.getReason() == null ? null : dropoutCase.getReason().label(),
        whereabouts,
        specialGroups);
  }

  private static String describe(HomeVisit visit) {
    ChildWhereabouts where = visit.getChildWhereabouts();
    return (where == null ? "未记录" : where.label()) + "（" + visit.getVisitDate() + "家访）";
  }
}
