package com.commercehub.testsupport;

import com.vaadin.flow.component.Component;

/** Counts the server-side state nodes under a component: what an open tab keeps in the session for it. */
public final class StateNodes {

    private StateNodes() {
    }

    public static int count(Component component) {
        int[] nodes = {0};
        component.getElement().getNode().visitNodeTree(node -> nodes[0]++);
        return nodes[0];
    }
}
