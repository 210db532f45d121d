package cn.baoxue.atrisk;

import cn.baoxue.calendar.CalendarProperties.SchoolTerm;
import cn.baoxue.calendar.WorkingDayCalendar;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The register's term (学期): the latest configured school term begun by today (in a vacation, the
 * term just ended), and the one before it, whose grade ranks a fall is measured against.
 */
@Component
class SchoolTerms {

  private final WorkingDayCalendar calendar;

  SchoolTerms(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  Optional<SchoolTerm> current() {
    List<SchoolTerm> terms = calendar.schoolTerms();
    SchoolTerm found = null;
    for (SchoolTerm term : terms) {
      if (!term.from().isAfter(calendar.today()) && (found == null || term.from().isAfter(found.from()))) {
        found = term;
      }
    }
    return Optional.ofNullable(found);
  }

  Optional<SchoolTerm> before(SchoolTerm term) {
    SchoolTerm found = null;
    for (SchoolTerm other : calendar.schoolTerms()) {
      if (other.from().isBefore(term.from()) && (found == null || other.from().isAfter(found.from()))) {
        found = other;
      }
    }
    return Optional.ofNullable(found);
  }

  Optional<SchoolTerm> named(String name) {
    return calendar.schoolTerms().stream().filter(term -> term.name().equals(name)).findFirst();
  }

  List<String> names() {
    return calendar.schoolTerms().stream().map(SchoolTerm::name).toList();
  }
}
