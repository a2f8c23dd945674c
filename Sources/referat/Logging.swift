import Logging

extension Logger {
    /// A logger writing one line per message to standard error, so warnings never mix with
    /// results on standard output.
    static func stderr(_ label: String) -> Logger {
        Logger(label: label) { label in StreamLogHandler.standardError(label: label) }
    }
}
