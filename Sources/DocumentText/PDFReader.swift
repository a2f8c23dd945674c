import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a PDF's text and typography with Poppler's `pdftohtml -xml` (Debian `poppler-utils`),
/// run as a child process with a time limit and an output size limit, as omindex and Recoll do;
/// marks headings and blocks by the document's own fonts (`PDFLayout`), then removes what repeats
/// on every page (`PageCleaner`).
public struct PDFReader: Sendable {
    public static let defaultTimeLimit = 30.0
    public static let defaultOutputLimit = 32 * 1024 * 1024
    public static let tool = "pdftohtml"

    /// `pdftohtml` found on PATH, or a path to it.
    public var executable: String
    /// Seconds one PDF may take before pdftohtml is killed.
    public var timeLimit: Double
    /// Bytes of XML one PDF may give before pdftohtml is stopped.
    public var outputLimit: Int

    public init(
        executable: String = PDFReader.tool, timeLimit: Double = PDFReader.defaultTimeLimit,
        outputLimit: Int = PDFReader.defaultOutputLimit
    ) {
        self.executable = executable
        self.timeLimit = timeLimit
        self.outputLimit = outputLimit
    }

    /// The PDF's text, pages cleaned of running headers, footers and page numbers.
    func text(of data: Data) throws(DocumentTextError) -> String {
        let pages = try PDFLayout.pages(fromXML: try convert(data))
        let text = PageCleaner.clean(pages: pages)
        guard !text.allSatisfy(\.isWhitespace) else { throw .pdfWithoutText(pages: pages.count) }
        return text
    }

    /// The path of the executable, or nil when it is not installed.
    public var resolvedExecutable: String? {
        if executable.contains("/") { return access(executable, X_OK) == 0 ? executable : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(executable)" }.first { access($0, X_OK) == 0 }
    }

    /// pdftohtml's XML for `data` (text pieces with boxes and fonts, no images), within the limits.
    private func convert(_ data: Data) throws(DocumentTextError) -> Data {
        guard let path = resolvedExecutable else { throw .converterMissing(tool: Self.tool, package: "poppler-utils") }
        // pdftohtml needs to seek in its input: it gets a temporary copy of the bytes that were hashed.
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("referat-\(UUID().uuidString).pdf")
        guard FileManager.default.createFile(atPath: input.path, contents: data) else {
            throw .converterFailed(tool: Self.tool, status: -1, message: "cannot write a temporary file for it")
        }
        defer { try? FileManager.default.removeItem(at: input) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-xml", "-i", "-stdout", "-enc", "UTF-8", input.path]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw .converterFailed(tool: Self.tool, status: -1, message: "cannot start \(path): \(error)")
        }

        let pid = process.processIdentifier
        let kill: @Sendable () -> Void = { _ = Glibc.kill(pid, SIGKILL) }
        let output = OutputCollector(limit: outputLimit, onOverflow: kill)
        let messages = OutputCollector(limit: 4096, onOverflow: nil)
        let done = DispatchGroup()
        for (pipe, collector) in [(stdout, output), (stderr, messages)] {
            done.enter()
            DispatchQueue.global().async {
                collector.drain(pipe.fileHandleForReading)
                done.leave()
            }
        }
        // The readers end when pdftohtml closes its output: at exit, or when an output limit
        // kills it. A child that outlives the limit is killed and not waited for further.
        guard done.wait(timeout: .now() + timeLimit) == .success else {
            kill()
            process.waitUntilExit()
            throw .converterTimedOut(tool: Self.tool, seconds: timeLimit)
        }
        process.waitUntilExit()
        if output.overflowed { throw .converterOutputTooLarge(tool: Self.tool, limit: outputLimit) }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: messages.data, as: UTF8.self)
            // Exit status 1 is "error opening a PDF file", 3 "error related to PDF permissions".
            if message.localizedCaseInsensitiveContains("password") || process.terminationStatus == 3 {
                throw .pdfEncrypted
            }
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? ""
            if process.terminationStatus == 1 { throw .pdfDamaged(firstLine) }
            throw .converterFailed(tool: Self.tool, status: process.terminationStatus, message: firstLine)
        }
        return output.data
    }
}

/// Reads a pipe to its end, keeping at most `limit` bytes; past the limit it calls
/// `onOverflow` once and discards the rest.
private final class OutputCollector: @unchecked Sendable {
    // Written by the reading thread only; read after it has finished (DispatchGroup orders them).
    private(set) var data = Data()
    private(set) var overflowed = false
    let limit: Int
    let onOverflow: (@Sendable () -> Void)?

    init(limit: Int, onOverflow: (@Sendable () -> Void)?) {
        self.limit = limit
        self.onOverflow = onOverflow
    }

    func drain(_ handle: FileHandle) {
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return }
            guard !overflowed else { continue }
            if data.count + chunk.count > limit {
                data.append(chunk.prefix(limit - data.count))
                overflowed = true
                onOverflow?()
            } else {
                data.append(chunk)
            }
        }
    }
}
