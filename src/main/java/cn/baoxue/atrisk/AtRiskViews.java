package cn.baoxue.atrisk;

import cn.baoxue.atrisk.AtRiskRegister.Flag;
import cn.baoxue.atrisk.RiskPoints.Point;
import cn.baoxue.cases.DropoutReason;
import cn.baoxue.cases.SpecialGroup;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.Roles;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** Flags as people read them: names, labels, and every point with what made it. */
@Component
class AtRiskViews {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** One point of a flag: its reason (code and label), register, amount and points. */
  record PointView(String reason, String label, String category, String categoryLabel, int amount, String amountText, int points) {}

  record FlagView(long id, String studentName, Integer grade, String school, String term, int totalPoints, String status,
      String statusLabel, List<String> categories, List<PointView> points, String dismissalReason, String decidedBy,
      String decidedAt, String assessedAt, boolean mayDecide) {}

  private final OrgTree orgTree;
  private final Roles roles;
  private final AtRiskRegister register;

  AtRiskViews(OrgTree orgTree, Roles roles, AtRiskRegister register) {
    this.orgTree = orgTree;
    this.roles = roles;
    this.register = register;
  }

  FlagView of(Flag flag, Staff reader) {
    List<PointView> points = flag.points().stream().map(AtRiskViews::of).toList();
    List<String> categories = flag.points().stream().map(p -> p.category().label()).distinct().toList();
    return new FlagView(flag.id(), flag.studentName(), flag.grade(), orgTree.schoolName(flag.schoolCode()), flag.term(),
        flag.totalPoints(), flag.status().name(), flag.status().label(), categories, points, flag.dismissalReason(),
        flag.decidedBy() == null ? null : roles.person(flag.decidedBy()),
        flag.decidedAt() == null ? null : MINUTE.format(flag.decidedAt()), MINUTE.format(flag.assessedAt()),
        flag.status() == FlagStatus.PENDING && register.mayDecide(flag.schoolCode(), reader));
  }

  List<FlagView> of(List<Flag> flags, Staff reader) {
    return flags.stream().map(flag -> of(flag, reader)).toList();
  }

  static PointView of(Point point) {
    return new PointView(point.reason(), label(point.reason()), point.category().name(), point.category().label(), point.amount(),
        amountText(point), point.points());
  }

  /** The reason's Chinese label: a measure, a special group, or a teacher's observation. */
  static String label(String reason) {
    return Coded.find(RiskMeasure.class, reason).map(Coded::label)
        .or(() -> Coded.find(SpecialGroup.class, reason).map(g -> "特殊群体：" + g.label()))
        .or(() -> Coded.find(DropoutReason.class, reason).map(r -> "教师观察：" + r.label()))
        .orElse(reason);
  }

  private static String amountText(Point point) {
    return Coded.find(RiskMeasure.class, point.reason()).map(m -> point.amount() + m.unit()).orElse("");
  }
}
