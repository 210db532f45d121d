package cn.baoxue.children;

import cn.baoxue.cases.PersonalDataPolicy;
import cn.baoxue.cases.PersonalDataPolicy.Disclosure;
import cn.baoxue.cases.ProvisionalNumbers;
import cn.baoxue.kernel.identity.Staff;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 疑似重复的儿童记录: two records of one county that may be one child — the same name and birth date
 * with the same guardian or the same home village. A child found by 摸排 under a provisional number
 * and registered again by her school, or reported twice under two spellings of a number, shows here
 * until the county bureau merges the two ({@link ChildMerges}) — or leaves them, when they are two
 * children. Merged records are left out.
 */
@Service
public class DuplicateChildren {

  /** More pairs than a county works through in one sitting: the list says when it stops there. */
  static final int MAX_PAIRS = 500;

  static final String SAME_GUARDIAN = "姓名、出生日期相同，监护人相同";
  static final String SAME_VILLAGE = "姓名、出生日期相同，户籍所在村相同";

  private final JdbcClient jdbc;

  DuplicateChildren(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A possible duplicate: two records, why they look alike, and which to keep if they are one child. */
  public record Pair(ChildOnRecord first, ChildOnRecord second, List<String> reasons, long suggestedKeptId,
      boolean mayMerge) {}

  /** The pairs of the caller's county (every county for auditors), and whether the list was cut. */
  public record Listing(List<Pair> pairs, boolean more) {}

  @Transactional(readOnly = true)
  public Listing of(Staff staff) {
    Optional<Set<String>> counties = CountyDesk.countiesRead(staff);
    String condition = counties.map(c -> " and at.parent_code in (:counties)").orElse("");
    JdbcClient.StatementSpec query = jdbc.sql("""
        select a.id as a_id, b.id as b_id
        from student a
          join org_unit av on av.code = a.village_code join org_unit at on at.code = av.parent_code
          join student b on b.name = a.name and b.id > a.id
            and (b.birth_date = a.birth_date or ((a.birth_date_estimated or b.birth_date_estimated)
              and extract(year from b.birth_date) = extract(year from a.birth_date)
              and extract(month from b.birth_date) = extract(month from a.birth_date)))
          join org_unit bv on bv.code = b.village_code join org_unit bt on bt.code = bv.parent_code
        where at.parent_code = bt.parent_code
          and a.merged_into_id is null and b.merged_into_id is null
          and (a.village_code = b.village_code or a.guardian_name = b.guardian_name)""" + condition
        // Newest first: a record just registered is the one whose duplicate the county is looking for.
        + " order by b.id desc, a.id desc fetch first " + (MAX_PAIRS + 1) + " rows only");
    if (counties.isPresent()) {
      query = query.param("counties", List.copyOf(counties.get()));
    }
    List<long[]> ids = query.query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    boolean more = ids.size() > MAX_PAIRS;
    List<long[]> shown = more ? ids.subList(0, MAX_PAIRS) : ids;
    Set<Long> involved = new LinkedHashSet<>();
    shown.forEach(pair -> {
      involved.add(pair[0]);
      involved.add(pair[1]);
    });
    Map<Long, ChildOnRecord> records = records(involved, PersonalDataPolicy.disclosureFor(staff.groupIds()));
    Map<Long, ChildOnRecord.Facts> facts = facts(involved);
    List<Pair> pairs = new ArrayList<>();
    for (long[] pair : shown) {
      ChildOnRecord first = records.get(pair[0]);
      ChildOnRecord second = records.get(pair[1]);
      pairs.add(new Pair(first, second, reasons(facts.get(pair[0]), facts.get(pair[1])), suggestedKept(first, second),
          CountyDesk.mergesIn(staff, first.countyCode())));
    }
    return new Listing(pairs, more);
  }

  static List<String> reasons(ChildOnRecord.Facts a, ChildOnRecord.Facts b) {
    List<String> reasons = new ArrayList<>();
    // A child without papers may be registered with her birth month only: the same month is as near as it gets.
    boolean byMonth = !Objects.equals(a.birthDate(), b.birthDate());
    if (a.guardianName() != null && a.guardianName().equals(b.guardianName())) {
      reasons.add(byMonth ? SAME_GUARDIAN.replace("出生日期", "出生年月") : SAME_GUARDIAN);
    }
    if (Objects.equals(a.villageCode(), b.villageCode())) {
      reasons.add(byMonth ? SAME_VILLAGE.replace("出生日期", "出生年月") : SAME_VILLAGE);
    }
    return reasons;
  }

  /** Keep the record with a real 身份证号; of two alike, the older one, which most history hangs on. */
  static long suggestedKept(ChildOnRecord first, ChildOnRecord second) {
    if (first.provisional() != second.provisional()) {
      return first.provisional() ? second.id() : first.id();
    }
    return Math.min(first.id(), second.id());
  }

  /** The records as the reader may see them, by id. */
  Map<Long, ChildOnRecord> records(Collection<Long> ids, Disclosure disclosure) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<String>> open = new HashMap<>();
    Map<Long, List<String>> closed = new HashMap<>();
    jdbc.sql("select student_id, case_number, open_student_id from dropout_case where student_id in (:ids) order by id")
        .param("ids", List.copyOf(ids))
        .query(rs -> {
          Map<Long, List<String>> into = rs.getObject(3) == null ? closed : open;
          into.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    Map<Long, ChildOnRecord> records = new LinkedHashMap<>();
    jdbc.sql("""
            select s.id, s.name, s.id_number, s.gender, s.birth_date, s.birth_date_estimated, s.guardian_name, sch.name as school_name,
                   vil.name as village_name, twn.name as township_name, twn.parent_code as county_code
            from student s join org_unit vil on vil.code = s.village_code join org_unit twn on twn.code = vil.parent_code
              left join org_unit sch on sch.code = s.school_code
            where s.id in (:ids)""")
        .param("ids", List.copyOf(ids))
        .query(rs -> {
          long id = rs.getLong("id");
          String idNumber = rs.getString("id_number");
          LocalDate birthDate = rs.getObject("birth_date", LocalDate.class);
          records.put(id, new ChildOnRecord(id, rs.getString("name"), disclosure.idNumber(idNumber),
              ProvisionalNumbers.isProvisional(idNumber), "F".equals(rs.getString("gender")) ? "女" : "男",
              rs.getBoolean("birth_date_estimated") && disclosure.inFull() && birthDate != null
                  ? "约" + YearMonth.from(birthDate) : disclosure.birthDate(birthDate), rs.getString("guardian_name"), rs.getString("school_name"),
              rs.getString("village_name"), rs.getString("township_name"), rs.getString("county_code"),
              open.getOrDefault(id, List.of()), closed.getOrDefault(id, List.of())));
        });
    return records;
  }

  private Map<Long, ChildOnRecord.Facts> facts(Collection<Long> ids) {
    Map<Long, ChildOnRecord.Facts> facts = new HashMap<>();
    if (ids.isEmpty()) {
      return facts;
    }
    jdbc.sql("select id, name, birth_date, guardian_name, village_code from student where id in (:ids)")
        .param("ids", List.copyOf(ids))
        .query(rs -> {
          facts.put(rs.getLong(1), new ChildOnRecord.Facts(rs.getLong(1), rs.getString(2),
              rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)));
        });
    return facts;
  }
}
