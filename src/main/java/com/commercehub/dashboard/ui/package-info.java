/** The payments page and the revenue dashboard (Chart.js from the app's static resources, no Node build). */
package com.commercehub.dashboard.ui;
