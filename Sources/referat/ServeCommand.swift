import ArgumentParser
import Dispatch
import Foundation
import Logging
import ReferatCore
import ReferatServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search page and the JSON API over HTTP (loopback by default).",
        discussion: """
            Routes: GET / (search page), GET /items/ID, GET /api/search?q=…, GET /api/items/ID, \
            GET /api/items/ID/similar, GET /feed.atom?q=…, GET /healthz. One log line per request on standard error; SIGINT or SIGTERM stops \
            the server after the requests in flight. A re-index while it runs is picked up \
            without a restart.
            """
    )

    @OptionGroup var database: IndexReaderOptions

    @Option(help: "The address to listen on. Anything but loopback exposes the index to the network.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one and logs it).")
    var port: Int = 8080

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if host.isEmpty { throw ValidationError("--host must not be empty") }
    }

    func run() throws {
        var logger = Logger.stderr("referat.serve")
        logger.logLevel = .info
        // Opens one reader at once: a missing index fails here, before the port is taken.
        let pool = try SearcherPool(databasePath: database.db, shardTimeout: database.shardTimeout)
        let app = buildApplication(pool: pool, configuration: .init(host: host, port: port), logger: logger)
        // The root command is synchronous, so this one waits for the server's task: runService()
        // returns after SIGINT or SIGTERM, once the requests in flight are answered.
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await app.runService()
            } catch {
                outcome.fail(error)
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw error }
        logger.info("stopped")
    }
}

/// The error the server task ended with, handed to the waiting thread.
private final class Outcome: @unchecked Sendable {
    // @unchecked: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: (any Error)?

    func fail(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
}
