package cn.baoxue.reports;

import cn.baoxue.care.CareKind;
import cn.baoxue.cases.PersuasionRung;
import cn.baoxue.cases.CaseStatus;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.cases.ContactType;
import cn.baoxue.cases.DropoutReason;
import cn.baoxue.cases.Placement;
import cn.baoxue.cases.SpecialGroup;
import java.util.LinkedHashMap;
import java.util.Map;

/** The summary's breakdowns with Chinese labels, for the dashboard and the spreadsheets. */
final class SummaryLabels {

  private SummaryLabels() {}

  /** Breakdown name → Chinese title, in the order people read them. */
  static final Map<String, String> BREAKDOWNS = new LinkedHashMap<>();

  /** The rungs of the persuasion ladder, in order, by code: the columns of 劝返中 in the side-by-side table. */
  static final Map<String, String> RUNGS = new LinkedHashMap<>();

  static {
    for (PersuasionRung rung : PersuasionRung.values()) {
      RUNGS.put(rung.name(), rung.label());
    }
    BREAKDOWNS.put("gender", "性别");
    BREAKDOWNS.put("schoolLevel", "学段");
    BREAKDOWNS.put("reason", "辍学原因");
    BREAKDOWNS.put("specialGroup", "特殊群体");
    BREAKDOWNS.put("status", "状态");
    BREAKDOWNS.put("placement", "安置方式");
    BREAKDOWNS.put("contacts", "结对帮扶");
    BREAKDOWNS.put("carePairings", "结对关爱对象");
    BREAKDOWNS.put("careContacts", "结对关爱记录");
  }

  static Map<String, Long> breakdown(Summary summary, String name) {
    return switch (name) {
      case "gender" -> summary.gender();
      case "schoolLevel" -> summary.schoolLevel();
      case "reason" -> summary.reason();
      case "specialGroup" -> summary.specialGroup();
      case "status" -> summary.status();
      case "placement" -> summary.placement();
      case "contacts" -> summary.contacts();
      case "carePairings" -> summary.care().pairings();
      case "careContacts" -> summary.care().contacts();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The same counts keyed by Chinese label. */
  static Map<String, Long> labelled(String breakdown, Map<String, Long> counts) {
    Map<String, Long> labelled = new LinkedHashMap<>();
    counts.forEach((code, count) -> labelled.put(label(breakdown, code), count));
    return labelled;
  }

  static String label(String breakdown, String code) {
    return switch (breakdown) {
      case "gender" -> "F".equals(code) ? "女" : "M".equals(code) ? "男" : code;
      case "schoolLevel" -> "PRIMARY".equals(code) ? "小学（1–6年级）" : "JUNIOR".equals(code) ? "初中（7–9年级）" : code;
      case "reason" -> Coded.find(DropoutReason.class, code).map(Coded::label).orElse(code);
      case "specialGroup" -> Coded.find(SpecialGroup.class, code).map(Coded::label).orElse(code);
      case "status" -> Coded.find(CaseStatus.class, code).map(Coded::label).orElse(code);
      case "placement" -> Coded.find(Placement.class, code).map(Coded::label).orElse(code);
      case "contacts", "careContacts" -> Coded.find(ContactType.class, code).map(Coded::label).orElse(code);
      case "carePairings" -> Coded.find(CareKind.class, code).map(Coded::label).orElse(code);
      default -> code;
    };
  }
}
