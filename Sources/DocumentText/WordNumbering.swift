import Foundation

/// Word's automatic list numbering (`word/numbering.xml`), counted the way Word shows it.
///
/// A paragraph's `w:numPr` names a list instance (`numId`) and a level (`ilvl`). Instances
/// point to an abstract definition whose levels give a start value, a format (decimal,
/// lowerLetter, upperRoman, …) and a text pattern (`%1.`, `%1.%2`). Instances of one abstract
/// definition share its counters, unless an instance overrides a level's start: then it starts
/// again there when first used. Counting a level restarts the levels below it.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
        /// "Legal" numbering shows every level's number in decimal.
        var legal = false
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: (abstract: String, startOverrides: [Int: Int])] = [:]
    /// Current values per abstract definition and level; nil: not counted since its restart.
    private var counters: [String: [Int?]] = [:]
    private var usedInstances: Set<String> = []

    init() {}

    init(xml: Data, part: String) throws(DocumentTextError) {
        var abstractId: String?
        var level: (index: Int, value: Level)?
        var instance: (id: String, abstract: String, overrides: [Int: Int])?
        var overrideLevel: Int?
        var foundAbstracts: [String: [Int: Level]] = [:]
        var foundInstances: [String: (abstract: String, startOverrides: [Int: Int])] = [:]
        try XMLEvents.walk(xml, part: part) { event in
            switch event {
            case .start("abstractNum", let attributes): abstractId = attributes["abstractNumId"]
            case .start("lvl", let attributes) where abstractId != nil && instance == nil:
                level = attributes["ilvl"].flatMap { Int($0) }.map { ($0, Level()) }
            case .start("start", let attributes):
                if let value = attributes["val"].flatMap({ Int($0) }) { level?.value.start = value }
            case .start("numFmt", let attributes): if let value = attributes["val"] { level?.value.format = value }
            case .start("lvlText", let attributes): if let value = attributes["val"] { level?.value.text = value }
            case .start("isLgl", let attributes): level?.value.legal = !Self.isOff(attributes["val"])
            case .end("lvl"):
                if let id = abstractId, let level { foundAbstracts[id, default: [:]][level.index] = level.value }
                level = nil
            case .end("abstractNum"): abstractId = nil
            case .start("num", let attributes): instance = attributes["numId"].map { ($0, "", [:]) }
            case .start("abstractNumId", let attributes):
                if let value = attributes["val"] { instance?.abstract = value }
            case .start("lvlOverride", let attributes): overrideLevel = attributes["ilvl"].flatMap { Int($0) }
            case .start("startOverride", let attributes):
                if let index = overrideLevel, let value = attributes["val"].flatMap({ Int($0) }) {
                    instance?.overrides[index] = value
                }
            case .end("num"):
                if let instance { foundInstances[instance.id] = (instance.abstract, instance.overrides) }
                instance = nil
            default: break
            }
        }
        abstracts = foundAbstracts
        instances = foundInstances
    }

    static func isOff(_ value: String?) -> Bool { ["0", "false", "off"].contains(value ?? "") }

    /// The number Word shows before the next paragraph of list `numId` at level `levelIndex`
    /// ("3.", "b)", "2.1"), counting it; nil for an unknown list or `numId` 0 (numbering off).
    mutating func next(numId: String, level levelIndex: Int) -> String? {
        guard let instance = instances[numId], let levels = abstracts[instance.abstract],
            let level = levels[levelIndex], (0..<9).contains(levelIndex)
        else { return nil }
        var values = counters[instance.abstract] ?? Array(repeating: nil, count: 9)
        if usedInstances.insert(numId).inserted, let start = instance.startOverrides[levelIndex] {
            values[levelIndex] = start
        } else {
            values[levelIndex] = values[levelIndex].map { $0 + 1 } ?? level.start
        }
        for deeper in (levelIndex + 1)..<9 { values[deeper] = nil }
        counters[instance.abstract] = values

        guard level.format != "none" else { return "" }
        if level.format == "bullet" { return "•" }
        var text = level.text
        for shown in (0...levelIndex).reversed() {
            let placeholder = "%\(shown + 1)"
            guard text.contains(placeholder) else { continue }
            let format = level.legal ? "decimal" : (levels[shown]?.format ?? "decimal")
            let value = values[shown] ?? levels[shown]?.start ?? 1
            text = text.replacingOccurrences(of: placeholder, with: ListNumber.render(value, format: format))
        }
        return text
    }
}
