package cn.baoxue.children;

import cn.baoxue.cases.PersonalDataPolicy;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 合并儿童记录 (一人一档): everything that hangs on the merged record — her cases with all they carry
 * (visits, contacts, evidence, documents, history, all kept by case), her absences and attendance
 * alerts, her 学籍异动 and 转学申请 — moves to the kept record in one transaction; the merged record
 * stays, marked merged into the kept one, and every row moved is listed in {@code child_merge_row}
 * and in one audit entry. Only the county bureau of the county both records belong to merges.
 */
@Service
public class ChildMerges {

  /** The width of audit_trail.payload. */
  static final int PAYLOAD_WIDTH = 4000;

  /**
   * The tables whose rows name a child, in the order they move, with the column that makes a row
   * one of a kind per child (none: every row moves).
   */
  private static final Map<String, String> CHILD_ROWS = new LinkedHashMap<>();

  static {
    CHILD_ROWS.put("dropout_case", null);
    CHILD_ROWS.put("absence", "absence_date");
    CHILD_ROWS.put("attendance_alert", "streak_start");
    CHILD_ROWS.put("enrolment_change", null);
    CHILD_ROWS.put("transfer_request", null);
  }

  private final JdbcClient jdbc;
  private final DuplicateChildren duplicates;
  private final ApplicationEventPublisher events;

  ChildMerges(JdbcClient jdbc, DuplicateChildren duplicates, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.duplicates = duplicates;
    this.events = events;
  }

  /** What a merge did: the two records as they are now, and the rows moved or left, by table. */
  public record Receipt(long mergeId, ChildOnRecord kept, ChildOnRecord merged, Map<String, List<Long>> moved,
      Map<String, List<Long>> leftOnMerged, String message) {}

  @Transactional
  public Receipt merge(MergeChildren command, Staff staff) {
    Set<String> counties = CountyDesk.bureauCounties(staff);
    if (counties.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, CountyDesk.ONLY_THE_BUREAU);
    }
    long keptId = command.keptChildId();
    long mergedId = command.mergedChildId();
    // Both rows locked, in one order whoever merges, so two merges of the same records queue.
    jdbc.sql("select id from student where id in (?, ?) order by id for update").params(keptId, mergedId)
        .query(Long.class).list();
    Map<Long, ChildOnRecord> records =
        duplicates.records(List.of(keptId, mergedId), PersonalDataPolicy.disclosureFor(staff.groupIds()));
    ChildOnRecord kept = ofCounty(records.get(keptId), counties, keptId);
    ChildOnRecord merged = ofCounty(records.get(mergedId), counties, mergedId);
    refuseUnmergeable(kept, merged);

    LocalDateTime now = BeijingTime.now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into child_merge (kept_student_id, merged_student_id, county_code, reason, merged_by, merged_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(keptId, mergedId, kept.countyCode(), command.reason(), staff.userId(), now)
        .update(key, "id");
    long mergeId = key.getKey().longValue();
    CHILD_ROWS.forEach((table, onePerDay) -> move(mergeId, table, onePerDay, keptId, mergedId));
    jdbc.sql("update student set merged_into_id = ?, updated_at = ? where id = ?").params(keptId, now, mergedId).update();

    Map<String, List<Long>> moved = new LinkedHashMap<>();
    Map<String, List<Long>> left = new LinkedHashMap<>();
    jdbc.sql("select table_name, row_id, moved from child_merge_row where merge_id = ? order by table_name, row_id")
        .param(mergeId)
        .query(rs -> {
          (rs.getBoolean(3) ? moved : left).computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getLong(2));
        });
    events.publishEvent(new ChildrenMerged(mergeId, keptId, mergedId, staff.userId(),
        auditDetail(mergeId, kept, merged, command.reason(), moved, left)));
    Map<Long, ChildOnRecord> after =
        duplicates.records(List.of(keptId, mergedId), PersonalDataPolicy.disclosureFor(staff.groupIds()));
    int cases = moved.getOrDefault("dropout_case", List.of()).size();
    String message = "已将" + merged.name() + "（" + merged.idNumber() + "）的记录合并到" + kept.name() + "（"
        + kept.idNumber() + "）" + (cases > 0 ? "，转入案件 " + cases + " 件" : "") + "；原记录保留并标注为已合并";
    return new Receipt(mergeId, after.get(keptId), after.get(mergedId), moved, left, message);
  }

  /** A record of none of the caller's counties is answered as one that does not exist. */
  private static ChildOnRecord ofCounty(ChildOnRecord record, Set<String> counties, long id) {
    if (record == null || !counties.contains(record.countyCode())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "本县没有编号为 " + id + " 的儿童记录");
    }
    return record;
  }

  private void refuseUnmergeable(ChildOnRecord kept, ChildOnRecord merged) {
    for (ChildOnRecord record : List.of(kept, merged)) {
      Long into = jdbc.sql("select merged_into_id from student where id = ?").param(record.id()).query(Long.class)
          .optional().orElse(null);
      if (into != null) {
        throw new ResponseStatusException(HttpStatus.CONFLICT,
            record.name() + "（编号 " + record.id() + "）的记录已合并到编号 " + into + " 的记录，不能再合并");
      }
    }
    if (kept.provisional() && !merged.provisional()) {
      throw new InvalidCaseInputException(MergeChildren.KEPT, "应保留有正式身份证号的记录：" + kept.name() + "（编号 "
          + kept.id() + "）只有临时编号，请保留编号 " + merged.id() + " 的记录、把临时编号的记录并入");
    }
    if (!kept.openCases().isEmpty() && !merged.openCases().isEmpty()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "两条记录都有未结案件，不能合并：" + kept.name() + "（编号 "
          + kept.id() + "）的 " + String.join("、", kept.openCases()) + "，" + merged.name() + "（编号 " + merged.id()
          + "）的 " + String.join("、", merged.openCases()) + "。请先办结或撤销其中一件，再合并");
    }
  }

  /**
   * Lists the merged record's rows of one table, then moves them. A row the kept record already has
   * for the same day (one absence per child and day) stays on the merged record, listed as left.
   */
  private void move(long mergeId, String table, String onePerDay, long keptId, long mergedId) {
    String clash = onePerDay == null ? "false"
        : "exists (select 1 from " + table + " k where k.student_id = ? and k." + onePerDay + " = r." + onePerDay + ")";
    String list = "insert into child_merge_row (merge_id, table_name, row_id, moved) select ?, ?, r.id, case when "
        + clash + " then false else true end from " + table + " r where r.student_id = ?";
    if (onePerDay == null) {
      jdbc.sql(list).params(mergeId, table, mergedId).update();
    } else {
      jdbc.sql(list).params(mergeId, table, keptId, mergedId).update();
    }
    String rows = " where id in (select row_id from child_merge_row where merge_id = ? and table_name = ? and moved = true)";
    if ("dropout_case".equals(table)) {
      // The open case (at most one: two open cases refuse the merge) becomes the kept child's open case.
      jdbc.sql("update dropout_case set student_id = ?, open_student_id = case when open_student_id is null then null else ? end"
          + rows).params(keptId, keptId, mergeId, table).update();
    } else {
      jdbc.sql("update " + table + " set student_id = ?" + rows).params(keptId, mergeId, table).update();
    }
  }

  /**
   * The audit entry: which records, in which county, why, and every row moved and left (ids as
   * ranges). A merge of a child absent for years could outgrow the entry: then it gives the counts
   * and points to child_merge_row, which holds every row.
   */
  static String auditDetail(long mergeId, ChildOnRecord kept, ChildOnRecord merged, String reason,
      Map<String, List<Long>> moved, Map<String, List<Long>> left) {
    String head = "merge=" + mergeId + ";kept=" + kept.id() + ";merged=" + merged.id() + ";county=" + kept.countyCode()
        + ";keptOpenCases=" + String.join(",", kept.openCases()) + ";mergedOpenCases=" + String.join(",", merged.openCases());
    String tail = reason == null ? "" : ";reason=" + reason.replace(';', '；');
    String full = head + ";moved=" + rows(moved, false) + ";left=" + rows(left, false) + tail;
    if (full.length() <= PAYLOAD_WIDTH) {
      return full;
    }
    String counted = head + ";moved=" + rows(moved, true) + ";left=" + rows(left, true) + ";rows=child_merge_row";
    return (counted + tail).length() <= PAYLOAD_WIDTH ? counted + tail : counted;
  }

  private static String rows(Map<String, List<Long>> byTable, boolean countsOnly) {
    return byTable.entrySet().stream()
        .map(e -> e.getKey() + ":" + (countsOnly ? String.valueOf(e.getValue().size()) : ranges(e.getValue())))
        .collect(Collectors.joining("|"));
  }

  /** 3,4,5,9 as 3-5,9. */
  static String ranges(List<Long> ids) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < ids.size()) {
      int j = i;
      while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) {
        j++;
      }
      out.append(out.isEmpty() ? "" : ",").append(ids.get(i));
      if (j > i) {
        out.append('-').append(ids.get(j));
      }
      i = j + 1;
    }
    return out.toString();
  }
}
