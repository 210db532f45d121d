package cn.baoxue.atrisk;

import cn.baoxue.atrisk.RiskPoints.Signal;
import cn.baoxue.calendar.CalendarProperties.SchoolTerm;
import cn.baoxue.cases.SpecialGroup;
import cn.baoxue.kernel.validation.Coded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A pupil's signals for one term, from what the school already records: unexcused absences of the
 * attendance feed ({@code absence}) within the term up to today, subjects below the pass mark and
 * the fall of her grade rank since the term before (the grades import), her special groups (the
 * codes of her record, as a case start carries them) and her teachers' observations.
 */
@Component
class RiskSignals {

  static final BigDecimal PASS_MARK = BigDecimal.valueOf(60);

  private final JdbcClient jdbc;
  private final SchoolTerms terms;

  RiskSignals(JdbcClient jdbc, SchoolTerms terms) {
    this.jdbc = jdbc;
    this.terms = terms;
  }

  List<Signal> of(long studentId, String specialGroups, SchoolTerm term, LocalDate today) {
    List<Signal> signals = new ArrayList<>();
    LocalDate to = term.to().isBefore(today) ? term.to() : today;
    int absences = jdbc.sql("select count(*) from absence where student_id = ? and excused = false"
            + " and absence_date >= ? and absence_date <= ?")
        .params(studentId, term.from(), to).query(Integer.class).single();
    signals.add(new Signal(RiskMeasure.ABSENCE.name(), absences));
    int failed = jdbc.sql("select count(*) from grade_result where student_id = ? and term = ? and score < ?")
        .params(studentId, term.name(), PASS_MARK).query(Integer.class).single();
    signals.add(new Signal(RiskMeasure.FAILED_SUBJECTS.name(), failed));
    Optional<SchoolTerm> previous = terms.before(term);
    if (previous.isPresent()) {
      Integer now = rank(studentId, term.name());
      Integer then = rank(studentId, previous.get().name());
      if (now != null && then != null && now > then) {
        signals.add(new Signal(RiskMeasure.RANK_FALL.name(), now - then));
      }
    }
    if (specialGroups != null) {
      for (String code : specialGroups.split(",")) {
        Coded.find(SpecialGroup.class, code.trim()).ifPresent(group -> signals.add(new Signal(group.name(), 1)));
      }
    }
    jdbc.sql("select observation from risk_observation where student_id = ? and term = ? order by id")
        .params(studentId, term.name()).query(String.class).list()
        .forEach(observation -> signals.add(new Signal(observation, 1)));
    return signals;
  }

  private Integer rank(long studentId, String term) {
    return jdbc.sql("select max(grade_rank) from grade_result where student_id = ? and term = ?")
        .params(studentId, term).query(Integer.class).optional().orElse(null);
  }
}
