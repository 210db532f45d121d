package cn.baoxue.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** The records of one case, oldest first. */
@NoRepositoryBean
public interface CaseRecordRepository<T extends CaseRecord> extends JpaRepository<T, Long> {

  List<T> findByCaseIdOrderByRecordedAtAscIdAsc(Long caseId);
}
