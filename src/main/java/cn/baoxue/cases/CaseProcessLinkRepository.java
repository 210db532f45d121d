package cn.baoxue.cases;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseProcessLinkRepository extends JpaRepository<CaseProcessLink, String> {}
