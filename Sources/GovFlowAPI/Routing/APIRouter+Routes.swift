extension APIRouter {
    private static let everyone: Set<Role> = Set(Role.allCases)
    private static let deciders: Set<Role> = [.administrator, .projectUnit, .reviewingOffice, .expert]

    /// Every endpoint. docs/openapi.json documents exactly these (a test checks both ways).
    static let table: [APIRoute] = [
        APIRoute("GET", "/healthz", "check health", .anyone) { router, context throws(APIError) in
            try router.health(context)
        },
        APIRoute("GET", "/metrics", "read metrics", .roles([.administrator, .auditor])) {
            router, context throws(APIError) in try router.metricsText(context)
        },
        APIRoute("POST", "/v1/definitions", "deploy definitions", .roles([.administrator]), mutating: true) {
            router, context throws(APIError) in try router.deployDefinition(context)
        },
        APIRoute("GET", "/v1/definitions", "list definitions", .roles(everyone)) { router, context throws(APIError) in
            try router.listDefinitions(context)
        },
        APIRoute("GET", "/v1/definitions/{id}", "read definitions", .roles(everyone)) {
            router, context throws(APIError) in try router.definitionVersions(context)
        },
        APIRoute("GET", "/v1/definitions/{id}/versions/{version}", "read definitions", .roles(everyone)) {
            router, context throws(APIError) in try router.definitionSource(context)
        },
        APIRoute("POST", "/v1/projects", "start projects", .roles([.administrator, .projectUnit]), mutating: true) {
            router, context throws(APIError) in try router.startProject(context)
        },
        APIRoute("GET", "/v1/projects/{id}", "read projects", .roles(everyone)) { router, context throws(APIError) in
            try router.readProject(context)
        },
        APIRoute("POST", "/v1/projects/{id}/tasks/{taskId}/decision", "decide tasks", .roles(deciders),
                 mutating: true) { router, context throws(APIError) in try router.decide(context) },
        APIRoute("POST", "/v1/projects/{id}/tasks/{taskId}/operations", "operate on tasks", .roles(deciders),
                 mutating: true) { router, context throws(APIError) in try router.operate(context) },
        APIRoute("POST", "/v1/projects/{id}/withdraw", "withdraw projects", .roles([.administrator, .projectUnit]),
                 mutating: true) { router, context throws(APIError) in try router.withdraw(context) },
        APIRoute("POST", "/v1/projects/{id}/incidents/{n}/retry", "retry incidents", .roles([.administrator]),
                 mutating: true) { router, context throws(APIError) in try router.retryIncident(context) },
        APIRoute("POST", "/v1/projects/{id}/incidents/{n}/resolve", "resolve incidents", .roles([.administrator]),
                 mutating: true) { router, context throws(APIError) in try router.resolveIncident(context) },
        APIRoute("GET", "/v1/incidents", "read incidents", .roles([.administrator, .auditor])) {
            router, context throws(APIError) in try router.listIncidents(context)
        },
        APIRoute("GET", "/v1/tasks", "read task inboxes", .roles(everyone)) { router, context throws(APIError) in
            try router.inbox(context)
        },
        APIRoute("GET", "/v1/overdue", "read overdue records", .roles(everyone)) { router, context throws(APIError) in
            try router.overdue(context)
        },
        APIRoute("GET", "/v1/deadlines", "read deadlines", .roles(everyone)) { router, context throws(APIError) in
            try router.deadlines(context)
        },
        APIRoute("GET", "/v1/me", "read who they are", .roles(everyone)) { router, context throws(APIError) in
            try router.me(context)
        },
        APIRoute("GET", "/v1/calendars", "read calendars", .roles(everyone)) { router, context throws(APIError) in
            try router.listCalendars(context)
        },
        APIRoute("GET", "/v1/calendars/{id}/months/{month}", "read calendars", .roles(everyone)) {
            router, context throws(APIError) in try router.calendarMonth(context)
        },
        APIRoute("GET", "/v1/calendars/{id}/due", "read calendars", .roles(everyone)) {
            router, context throws(APIError) in try router.calendarDue(context)
        },
        APIRoute("GET", "/v1/calendars/{id}/between", "read calendars", .roles(everyone)) {
            router, context throws(APIError) in try router.calendarBetween(context)
        },
    ]
}
