package com.commercehub.base.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * A signed-in page with one sentence in the usual layout and nothing else: what every staff tab costs the server
 * before a view adds its own, the baseline the session-memory benchmark holds beside the quote builder. In no menu.
 */
@Route("hello")
@PermitAll
public class HelloView extends VerticalLayout {

    HelloView() {
        add(new Paragraph(getTranslation("hello.text")));
    }
}
