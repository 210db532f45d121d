package cn.baoxue.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 企业微信 application messages, from the environment (BAOXUE_WECOM_*; see application.yaml): the
 * organisation's corpid, the application's secret and agentid.
 */
@ConfigurationProperties("baoxue.notifications.wecom")
record WeComProperties(boolean enabled, String baseUrl, String corpId, String corpSecret, long agentId) {}
