package com.commercehub.automation;

import java.time.ZoneId;

/**
 * The business's time zone and the hour at which date-relative steps run ("3 days before expiry" at 09:00),
 * and whether outbound webhooks may go to private or loopback addresses (off: no SSRF by default).
 */
public record AutomationSettings(ZoneId timeZone, int sendHour, boolean allowPrivateWebhooks) {
}
