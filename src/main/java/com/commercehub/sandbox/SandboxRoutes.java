package com.commercehub.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A resource family of the sandbox API registers its routes here. */
abstract class SandboxRoutes {

    record Route(String method, Pattern pattern, List<String> names, boolean write,
                 Function<Call, Map<String, Object>> handler) {

        Map<String, String> match(String method, String path) {
            if (!this.method.equals(method)) {
                return null;
            }
            Matcher matcher = pattern.matcher(path);
            if (!matcher.matches()) {
                return null;
            }
            Map<String, String> vars = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                vars.put(names.get(i), matcher.group(i + 1));
            }
            return vars;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    List<Route> routes() {
        return routes;
    }

    protected void get(String template, Function<Call, Map<String, Object>> handler) {
        add("GET", template, false, handler);
    }

    protected void post(String template, Function<Call, Map<String, Object>> handler) {
        add("POST", template, true, handler);
    }

    protected void delete(String template, Function<Call, Map<String, Object>> handler) {
        add("DELETE", template, true, handler);
    }

    private void add(String method, String template, boolean write, Function<Call, Map<String, Object>> handler) {
        List<String> names = new ArrayList<>();
        Matcher vars = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (vars.find()) {
            regex.append(Pattern.quote(template.substring(last, vars.start()))).append("([^/]+)");
            names.add(vars.group(1));
            last = vars.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, write, handler));
    }
}
