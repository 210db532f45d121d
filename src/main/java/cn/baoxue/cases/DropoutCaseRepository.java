package cn.baoxue.cases;

import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DropoutCaseRepository extends JpaRepository<DropoutCase, Long> {

  Optional<DropoutCase> findByCaseNumber(String caseNumber);

  /** The case a step is recorded on; a closed case takes no more steps. */
  default DropoutCase requireOpen(Long caseId) {
    DropoutCase dropoutCase =
        findById(caseId).orElseThrow(() -> new InvalidCaseInputException("案件不存在：" + caseId));
    if (!dropoutCase.isOpen()) {
      throw new InvalidCaseInputException("案件 " + dropoutCase.getCaseNumber() + " 已结案，不能再办理");
    }
    return dropoutCase;
  }

  Optional<DropoutCase> findByOpenStudentId(Long studentId);


}
