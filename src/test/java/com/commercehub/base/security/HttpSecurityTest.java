package com.commercehub.base.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application on a random port for the session and sign-in ITs: anonymous sessions live three
 * seconds and Tomcat looks for expired ones every few seconds; no address lock gets in the way of
 * the account tests (the address limit has its own test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.security.anonymous-session-timeout=3s",
        "server.tomcat.background-processor-delay=1s",
        "hub.security.sign-in.address-failures-to-lock=100000"})
@ActiveProfiles("test")
abstract class HttpSecurityTest {
}
