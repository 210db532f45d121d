package cn.baoxue.org;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, String> {

  List<OrgUnit> findByParentCodeOrderByCode(String parentCode);

  List<OrgUnit> findByParentCodeInOrderByCode(Collection<String> parentCodes);

  List<OrgUnit> findByCodeIn(Collection<String> codes);
}
