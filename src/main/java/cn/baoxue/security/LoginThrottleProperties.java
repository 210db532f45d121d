package cn.baoxue.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed logins {@link LoginThrottle} lets through before it refuses: per user name from
 * one address (guessing one account's password), and per address over all names (trying one
 * password on many accounts), each within the window.
 */
@ConfigurationProperties("baoxue.security.login-throttle")
record LoginThrottleProperties(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window) {}
