package com.commercehub.stripe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFieldsTest {

    @Test
    void a_stripe_event_gives_its_envelope_fields() {
        assertThat(EventFields.parse("""
                {"id":"evt_1","object":"event","api_version":"2026-07-29.dahlia","created":1760000000,"type":"charge.succeeded",
                 "account":"acct_9","data":{"object":{"id":"ch_1","object":"charge"}}}"""))
                .contains(new EventFields("evt_1", "charge.succeeded", 1760000000L, "2026-07-29.dahlia", "acct_9"));
        assertThat(EventFields.parse("{\"id\":\"evt_2\",\"object\":\"event\",\"created\":1,\"type\":\"x.y\"}"))
                .contains(new EventFields("evt_2", "x.y", 1L, null, null));
    }

    @Test
    void anything_else_is_refused() {
        assertThat(EventFields.parse("not json")).isEmpty();
        assertThat(EventFields.parse("[1,2]")).isEmpty();
        assertThat(EventFields.parse("{\"id\":\"ch_1\",\"object\":\"charge\",\"created\":1,\"type\":\"x\"}")).isEmpty();
        assertThat(EventFields.parse("{\"object\":\"event\",\"created\":1,\"type\":\"x\"}")).isEmpty();
        assertThat(EventFields.parse("{\"id\":\"evt_1\",\"object\":\"event\",\"created\":\"soon\",\"type\":\"x\"}")).isEmpty();
        assertThat(EventFields.parse("{\"id\":\"" + "e".repeat(256) + "\",\"object\":\"event\",\"created\":1,\"type\":\"x\"}"))
                .isEmpty();
        assertThat(EventFields.parse("{\"id\":\"evt_1\",\"object\":\"event\",\"created\":1,\"type\":\"\"}")).isEmpty();
    }
}
