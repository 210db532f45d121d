package cn.baoxue.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DropoutCaseRepository extends JpaRepository<DropoutCase, Long> {

  Optional<DropoutCase> findByCaseNumber(String caseNumber);

  /**
   * The case linked to a process instance at intake, with its student in the same select. Steps
   * find their case through {@link CaseOfProcess}, which adds the jurisdiction check.
   */
  @Query("select c from DropoutCase c join fetch c.student where c.processInstanceId = :processInstanceId")
  Optional<DropoutCase> findByProcessInstanceId(String processInstanceId);

  Optional<DropoutCase> findByOpenStudentId(Long studentId);

  List<DropoutCase> findAllByOrderByReportedAtDesc();

  @Query(
      """
      select c from DropoutCase c
      where c.schoolCode in :units or c.villageCode in :units
         or c.townshipCode in :units or c.countyCode in :units
      order by c.reportedAt desc
      """)
  List<DropoutCase> findWithinUnits(Collection<String> units);
}
