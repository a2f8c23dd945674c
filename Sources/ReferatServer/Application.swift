import Hummingbird
import Logging
import ReferatCore

/// Where and how `referat serve` listens.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port; the log line "listening on …" names it.
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The routes of the API and the pages, with request logging and error mapping in front.
/// Tests use it directly (`app.test(.router)`); `buildApplication` serves it.
public func buildRouter(pool: SearcherPool) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.addRoutes(APIController(pool: pool).routes)
    router.addRoutes(PageController(pool: pool).routes)
    router.addRoutes(FeedController(pool: pool).routes)
    return router
}

/// The whole server: the router on `configuration`'s address. Run it with `runService()`, which
/// shuts down cleanly on SIGINT and SIGTERM.
public func buildApplication(
    pool: SearcherPool, configuration: ServerConfiguration = .init(), logger: Logger
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(pool: pool),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "referat"),
        onServerRunning: { channel in
            let address = channel.localAddress
            logger.info(
                "listening on http://\(configuration.host):\(address?.port ?? configuration.port)",
                metadata: ["index": .string(pool.databasePath)])
        },
        logger: logger)
}
