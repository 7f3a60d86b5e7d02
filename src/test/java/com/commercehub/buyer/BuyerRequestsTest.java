package com.commercehub.buyer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who counts as a person looking at a buyer page: browsers do; link previews, crawlers and scripts do not. */
class BuyerRequestsTest {

    @Test
    void browsers_are_people_and_previews_crawlers_and_scripts_are_bots_whatever_their_case() {
        assertThat(BuyerRequests.isBot(BuyerPages.BROWSER)).isFalse();
        assertThat(BuyerRequests.isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")).isFalse();
        assertThat(BuyerRequests.isBot("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"))
                .isFalse();

        assertThat(BuyerRequests.isBot(null)).isTrue();
        assertThat(BuyerRequests.isBot("  ")).isTrue();
        assertThat(BuyerRequests.isBot("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")).isTrue();
        assertThat(BuyerRequests.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isTrue();
        assertThat(BuyerRequests.isBot("WhatsApp/2.23.20.0")).isTrue();
        assertThat(BuyerRequests.isBot("facebookexternalhit/1.1")).isTrue();
        assertThat(BuyerRequests.isBot("Mozilla/5.0 (Windows NT 10.0; Microsoft Office/16.0)")).isTrue();
        assertThat(BuyerRequests.isBot("CURL/8.5.0")).isTrue();
        assertThat(BuyerRequests.isBot("Java/25.0.3")).isTrue();
        assertThat(BuyerRequests.isBot("python-requests/2.32")).isTrue();
    }
}
