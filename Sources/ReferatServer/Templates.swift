import Foundation
import Mustache

/// The page and feed templates: Mustache files in `Resources/templates`, shipped beside the
/// binary (SwiftPM resources), so `referat serve` finds them from any working directory.
/// `{{x}}` is HTML-escaped; `{{{x}}}` is used only for HTML the server made itself from escaped
/// text (the marked snippets and item text).
enum Templates {
    /// The compiled templates, loaded at first use. Every `.mustache` file of the directory is
    /// registered under its name, as `MustacheLibrary(directory:)` does (which is async; the
    /// pages render synchronously). A template missing or not parsing is a broken build.
    static let library: MustacheLibrary = {
        guard let directory = Bundle.module.url(forResource: "templates", withExtension: nil, subdirectory: "Resources")
        else { fatalError("the templates are not shipped with the binary (Resources/templates)") }
        var library = MustacheLibrary()
        do {
            for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            where file.pathExtension == "mustache" {
                try library.register(
                    String(contentsOf: file, encoding: .utf8), named: file.deletingPathExtension().lastPathComponent)
            }
        } catch {
            fatalError("cannot load the templates in \(directory.path): \(error)")
        }
        return library
    }()

    static func render(_ object: Any, _ name: String) -> String {
        guard let html = library.render(object, withTemplate: name) else {
            fatalError("no template named \(name)")
        }
        return html
    }

    /// The pages' stylesheet, served at `/static/referat.css` (a file, so the
    /// Content-Security-Policy needs no 'unsafe-inline').
    static let stylesheet: Data = {
        guard
            let url = Bundle.module.url(forResource: "referat", withExtension: "css", subdirectory: "Resources/static"),
            let data = try? Data(contentsOf: url)
        else { fatalError("the stylesheet is not shipped with the binary (Resources/static/referat.css)") }
        return data
    }()
}
