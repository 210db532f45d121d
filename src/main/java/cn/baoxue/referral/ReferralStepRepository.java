package cn.baoxue.referral;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralStepRepository extends JpaRepository<ReferralStep, Long> {}
