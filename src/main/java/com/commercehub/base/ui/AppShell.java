package com.commercehub.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Lumo plus the app's own stylesheet (kept in frontend/styles, served as a static resource). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/commerce-hub.css")
public class AppShell implements AppShellConfigurator {

    /** The tab's icon: without one every browser asks for /favicon.ico, which is not there (a 404 on each page). */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "styles/favicon.svg", "any");
    }
}
