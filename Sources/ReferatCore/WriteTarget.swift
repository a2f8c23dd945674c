import Foundation
import Xapian

/// Where one indexing run writes in an `IndexLocation`, and how what it wrote becomes the
/// index: the generation steps in the order a run takes them, under the writer lock.
///
/// - An update writes the current index in place (through the stub, or a plain database).
/// - A new index starts as an empty generation 1 with its stub, so that a first build killed
///   midway is an index that the next run finishes as an update.
/// - A rebuild writes the next generation beside the current one; readers keep the current one.
///
/// A full build (a rebuild, or the first build of a new index) is then compacted into the
/// generation after the one written, and the stub swapped to that.
struct WriteTarget {
    let location: IndexLocation
    let rebuild: Bool
    /// The layout found under the lock, before this run changed it.
    let layout: IndexLocation.Layout
    /// The database the writer opens.
    let path: String

    /// Removes leftovers of builds that never finished, then chooses where to write; for a new
    /// index, `create` makes the empty database at the path it is given.
    static func choose(
        in location: IndexLocation, rebuild: Bool, create: (String) throws -> Void
    ) throws -> WriteTarget {
        let layout = location.layout
        location.removeGenerations(except: location.generationsInUse())
        let path: String
        if rebuild {
            let next = (location.generations().map(\.number).max() ?? 0) + 1
            path = location.file(IndexLocation.generationName(next))
        } else if layout == .missing {
            let first = IndexLocation.generationName(1)
            try create(location.file(first))
            try location.writeStub(generation: first)
            path = location.path
        } else {
            path = location.path
        }
        return WriteTarget(location: location, rebuild: rebuild, layout: layout, path: path)
    }

    /// A rebuild starts from an empty database; anything else opens what is there.
    var openMode: WritableDatabase.OpenMode { rebuild ? .createOrOverwrite : .createOrOpen }

    /// After the last batch: a full build that wrote items is compacted into the next
    /// generation (written in batches, its B-trees are half empty), and a rebuild's or a
    /// compacted build's generation swapped in; generations no reader can hold are removed.
    /// `database` is the run's writer, closed here when a generation is swapped.
    func finish(_ database: WritableDatabase, itemsWritten: Int) throws {
        let compact = (rebuild || layout == .missing) && itemsWritten > 0
        guard rebuild || compact else { return }
        try database.commit()
        try database.close()
        let built = rebuild ? (path as NSString).lastPathComponent : IndexLocation.generationName(1)
        var generation = built
        if compact {
            generation = try location.compactedCopy(of: built)
            // A rebuild's own generation was never current, so no reader has it.
            if rebuild { location.removeGeneration(built) }
        }
        try location.writeStub(generation: generation)
        if layout == .plain { location.removePlainDatabase() }
        // A first build's own generation was current until the swap.
        if compact && !rebuild { location.removeGeneration(built) }
        location.removeGenerations(except: location.generationsInUse())
    }
}
