import Foundation
import Xapian

/// What one indexing run writes in an `IndexLocation`, and how it becomes the index: the
/// generation steps in the order a run takes them, under the writer lock.
///
/// - An update writes the current index in place (through the stub, or a plain database).
/// - A full build (a rebuild, or the first build of a new index) writes one shard database per
///   worker beside the index (`gen-000003.shards/0`, `/1`, …), merges them with Xapian's
///   compaction into a new generation and swaps the stub to it. A rebuild's readers keep the
///   current generation meanwhile; a new index is an empty generation 1 with its stub until then.
/// - A full build killed midway is resumed from what its shards committed, with the same split
///   of the files: a first build by the next run, a rebuild by the next `--rebuild`. A killed
///   merge is redone; a rebuild's shards are discarded by a run without `--rebuild`.
struct WriteTarget {
    let location: IndexLocation
    /// The layout found under the lock, before this run changed it.
    let layout: IndexLocation.Layout
    /// The database an update writes: the index directory.
    let path: String
    /// A full build's generation number: its shards are merged into the generation of that name.
    let built: String?
    /// A full build's shard databases, in the order of the files they hold; empty for an update.
    let shards: [String]

    /// Removes leftovers of builds that cannot be resumed, then chooses what to write; `create`
    /// makes an empty database at the path it is given (a new index, a new build's shards).
    static func choose(
        in location: IndexLocation, rebuild: Bool, writers: Int, create: (String) throws -> Void
    ) throws -> WriteTarget {
        let layout = location.layout
        location.removeGenerations(except: location.generationsInUse())
        let first = IndexLocation.generationName(1)
        let built: String?
        if rebuild {
            built = IndexLocation.generationName((location.generations().map(\.number).max() ?? 0) + 1)
        } else if layout == .missing {
            try create(location.file(first))
            try location.writeStub(generation: first)
            built = first
        } else if layout == .generation(first), location.hasShards(of: first) {
            // A first build killed midway: generation 1 is still the empty one.
            built = first
        } else {
            built = nil
        }
        location.removeShards(except: built)
        let shards = try built.map { try location.shards(of: $0, count: writers, create: create) } ?? []
        return WriteTarget(location: location, layout: layout, path: location.path, built: built, shards: shards)
    }

    /// After a full build's shards are written and closed: merges them into the generation after
    /// `built` (compacted: full B-tree blocks), swaps the stub to it, and removes the shards, a
    /// first build's empty generation and the generations no reader can hold.
    func merge() throws {
        guard let built, let number = IndexLocation.generationNumber(built) else { return }
        let merged = IndexLocation.generationName(number + 1)
        do {
            try Database.compact(shards, into: location.file(merged))
        } catch {
            throw ReferatError.indexUnreadable(
                path: location.path, reason: "cannot merge \(built)'s shards: \(error.message)")
        }
        try location.writeStub(generation: merged)
        if layout == .plain { location.removePlainDatabase() }
        location.removeGeneration(built)
        location.removeShards(except: nil)
        location.removeGenerations(except: location.generationsInUse())
    }
}
