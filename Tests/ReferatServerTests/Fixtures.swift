import Foundation
import Hummingbird
import HummingbirdTesting
import ReferatCore
import ReferatTestSupport

@testable import ReferatServer

extension SampleIndex {
    static let pool: SearcherPool = try! SearcherPool(databasePath: path)

    /// The app on the sample index, in process.
    static func app() -> some ApplicationProtocol {
        Application(router: buildRouter(pool: pool))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    var errorMessage: String? { (try? json([String: String].self))?["error"] }
}

/// `path?name=value&…` with the values percent-encoded.
func uri(_ path: String, _ parameters: [(String, String)] = []) -> String {
    HTML.url(path, parameters.map { ($0.0, Optional($0.1)) })
}
