package com.commercehub.sandbox;

import org.springframework.beans.factory.annotation.Autowired;
import com.commercehub.base.payments.SandboxApiKey;
import com.stripe.StripeClient;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/events} as the reconciler uses it, through stripe-java: {@code created[gte]}, {@code types[]},
 * newest first, pages of {@code limit} followed with {@code starting_after} by the auto-pager.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SandboxEventListIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").setMaxNetworkRetries(0).build();
    }

    @Test
    void events_since_a_time_are_listed_newest_first_in_pages() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(stripe().v1().customers().create(CustomerCreateParams.builder()
                    .setEmail("list-" + marker + "-" + i + "@example.com").build()).getId());
        }
        long since = stripe().v1().customers().retrieve(customers.getFirst()).getCreated();
        EventListParams params = EventListParams.builder()
                .setCreated(EventListParams.Created.builder().setGte(since).build())
                .addType("customer.created").addType("account.updated")
                .setLimit(2L).build();

        StripeCollection<Event> first = stripe().v1().events().list(params);
        assertThat(first.getObject()).isEqualTo("list");
        assertThat(first.getData()).hasSize(2);
        assertThat(first.getHasMore()).isTrue();
        assertThat(first.getUrl()).isEqualTo("/v1/events");

        List<Event> all = new ArrayList<>();
        stripe().v1().events().list(params).autoPagingIterable().forEach(all::add);
        List<String> listedCustomers = all.stream().filter(e -> e.getType().equals("customer.created"))
                .map(e -> e.getDataObjectDeserializer().getObject().orElseThrow())
                .map(o -> ((com.stripe.model.Customer) o).getId()).toList();
        assertThat(listedCustomers).containsAll(customers);
        assertThat(all).allSatisfy(e -> {
            assertThat(e.getCreated()).isGreaterThanOrEqualTo(since);
            assertThat(e.getType()).isIn("customer.created", "account.updated");
        });
        // Newest first. (Events another test made while it had the sandbox clock ahead, before resetting it, keep
        // their later dates but were made before these: lists follow the order things happened.)
        List<Long> created = all.stream().filter(e -> e.getType().equals("customer.created")
                && customers.contains(((com.stripe.model.Customer) e.getDataObjectDeserializer().getObject()
                .orElseThrow()).getId())).map(Event::getCreated).toList();
        assertThat(created).hasSize(customers.size()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all).extracting(Event::getId).doesNotHaveDuplicates();
        // Newest first: the last customer's event comes before the first one's.
        assertThat(listedCustomers.indexOf(customers.getLast())).isLessThan(listedCustomers.indexOf(customers.getFirst()));

        // Beyond the farthest the sandbox clock may ever be advanced (5 years), nothing can have been made; events made
        // while another test had the clock ahead, and then reset it, are in the list with their dates.
        long beyondTheClockLimit = since + java.time.Duration.ofDays(6 * 366).toSeconds();
        EventListParams future = EventListParams.builder()
                .setCreated(EventListParams.Created.builder().setGt(beyondTheClockLimit).build()).build();
        assertThat(stripe().v1().events().list(future).getData()).isEmpty();
    }
}
