import Foundation
import ReferatCore

/// Small HTML and URL helpers for the pages.
enum HTML {
    /// Escapes the five characters that matter in HTML text and attribute values.
    static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Marked text as HTML: escaped, what matched in `<mark>`.
    static func marked(_ text: MarkedText) -> String {
        text.segments.map { $0.match ? "<mark>" + escape($0.text) + "</mark>" : escape($0.text) }.joined()
    }

    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// A query-string component: everything but RFC 3986's unreserved characters percent-encoded.
    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `path?name=value&…`, skipping nil and empty values.
    static func url(_ path: String, _ parameters: [(String, String?)]) -> String {
        let query = parameters.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(name)=\(component(value))"
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }
}

/// Danish renderings of numbers and dates.
enum Danish {
    private static let months = [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
        "november", "december",
    ]

    /// `2022-05-03` as "3. maj 2022"; anything else as given.
    static func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month)
        else { return iso }
        return "\(day). \(months[month - 1]) \(year)"
    }

    /// 12345 as "12.345".
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ".")
    }

    /// A duration in seconds with a decimal comma: "0,004 sek.".
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
        let text = String(format: "%d,%03d", milliseconds / 1000, milliseconds % 1000)
        return "\(text) sek."
    }
}
