package com.commercehub.base.ui;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/**
 * A part of the start page contributed by a feature (open quotes, buyer activity, recent payments), so that
 * base needs to know nothing of them. Implementations are Spring beans that read for the signed-in user;
 * a section with nothing to show answers empty and is left out (Home shows its empty state only when all are).
 */
public interface HomeSection {

    /** Orders sections on the page, lowest first. */
    int order();

    Optional<Component> create();
}
