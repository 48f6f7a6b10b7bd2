package fr.opus.platform.webhooks;

import java.util.List;

/**
 * What a caller asks to subscribe.
 *
 * @param url         where to POST the events: {@code https://}, no user name or password, no fragment
 * @param events      event types or {@code prefix.*} patterns; absent or empty: every type
 * @param description a free label for the subscriber's own use
 * @param partnerId   for a regional operator: the partner whose events it receives, or absent for every partner's;
 *                    partners' callers leave it out (their own partner is implied)
 */
public record WebhookDraft(String url, List<String> events, String description, String partnerId) {
}
