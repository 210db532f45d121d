package cn.baoxue.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alibaba Cloud SMS (阿里云短信服务, dysmsapi SendSms), from the environment (BAOXUE_SMS_*; see
 * application.yaml). The message is the template approved at the provider with its parameters
 * {@code title} (新的待办, 即将到期, 逾期督办) and {@code caseNumber}; the provider sends no free text.
 */
@ConfigurationProperties("baoxue.notifications.sms")
record AliyunSmsProperties(
    boolean enabled,
    String baseUrl,
    String accessKeyId,
    String accessKeySecret,
    String signName,
    String templateCode,
    String regionId) {}
