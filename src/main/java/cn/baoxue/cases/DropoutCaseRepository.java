package cn.baoxue.cases;

import org.springframework.data.jpa.repository.Query;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DropoutCaseRepository extends JpaRepository<DropoutCase, Long> {

  Optional<DropoutCase> findByCaseNumber(String caseNumber);

  /**
   * The case linked to a process instance at intake, with its student in the same select. Steps
   * find their case through {@link CaseOfProcess}, which adds the jurisdiction check.
   */
  @Query("select c from DropoutCase c join fetch c.student where c.processInstanceId = :processInstanceId")
  Optional<DropoutCase> findByProcessInstanceId(String processInstanceId);

  Optional<DropoutCase> findByOpenStudentId(Long studentId);


}
