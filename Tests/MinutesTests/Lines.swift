/// A file made of the given lines, so that argument k is physical line k + 1.
func lines(_ lines: String...) -> String {
    lines.joined(separator: "\n")
}

/// (number, title, first line) of each parsed item.
struct ItemHead: Equatable, Sendable, CustomStringConvertible {
    let number: Int
    let title: String
    let line: Int

    init(_ number: Int, _ title: String, _ line: Int) {
        self.number = number
        self.title = title
        self.line = line
    }

    var description: String { "\(number) \"\(title)\" @\(line)" }
}

/// A body line long enough to fill a PDF line (about 90 characters).
let fullLine = "Der blev givet en kort orientering om arbejdet i gruppen, og der var enighed om processen"
