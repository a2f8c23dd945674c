import DanishText
import Foundation

/// Parses the text of one referat file into a meeting: its agenda items in order, each split
/// into sections, and the metadata the text states.
///
/// Agenda headings (see `NumberedText`, `HeadingDetector`, `HeadingSelector`, `HeadingWrap`):
/// - a heading reads "N. Title", "N: Title", "N   Title", "NTitle", "Punkt N: Title",
///   "Pkt. N Title", "Pkt. N" with the title on the next line or "Sag nr. N" with the title on
///   the line before, as a markdown heading, a wholly bold line or a plain line; the numbers go
///   up by one in document order, from any number (the longest such run wins; among equal
///   runs, the one whose headings have bodies);
/// - markup beats plain text: in a document with marked-up headings a plain line only fills a
///   gap between them; a lone plain numbered line is an agenda only when section labels follow
///   it or a table of contents above lists it;
/// - a heading printed twice (a link line, then the heading) is one; a heading glued to the end
///   of a line ("Indholdsfortegnelse1. Fraværende") is split off; a list renumbered to "1." for
///   every item is counted in order; sub-items ("2. a.") belong to their item;
/// - never a heading: a date ("21. september 2022"), a table row (tab-separated), a table of
///   contents entry (dot leaders or a tab before a page number, under "Indholdsfortegnelse", or
///   a numbered list whose entries have no bodies), prose after a Punkt number ("Pkt. 16 flyttes
///   til …"), and, for plain lines, a numbered line in a "Bilag" list, a run of numbered lines
///   (the next number on the next non-blank line, or after one lower-case continuation line), a
///   recommendation after "… indstiller, at" or a line starting in lower case;
/// - a plain heading that fills the PDF line width continues on the next, short line.
/// An item runs from its heading to the last non-blank line before the next item (or to the
/// next heading's line, when that heading is glued to the end of the item's last sentence), a
/// "Pause" line, or (after the last item) the sign-off ("Således opfattet …"). Its title is the heading
/// text without the number, cleaned by `Normalizer.cleanLine`.
///
/// Metadata: see `MeetingMetadata`. What the text does not state is nil.
public enum MinutesParser {
    public static func parse(_ text: String) -> Meeting {
        let document = SourceDocument(text: text)
        let headings = agendaHeadings(in: document)
        let items = ItemSpan.spans(of: headings, in: document).map { span in
            AgendaItem(
                number: span.heading.number,
                title: Normalizer.cleanLine(span.heading.titleParts.joined(separator: " ")),
                firstLine: span.heading.line,
                lastLine: span.lastLine,
                sections: span.sections(in: document)
            )
        }

        let preambleEnd = (headings.first?.line ?? document.lineCount + 1) - 1
        var meeting = MeetingMetadata.read(document, text: text, preambleEnd: preambleEnd)
        meeting.items = items
        return meeting
    }

    /// The item that stands for minutes without recognisable agenda items: number 0, the whole
    /// text (normalised) as its body, titled by the meeting's title line or else `fileName`
    /// without its extension.
    public static func wholeMeetingItem(of meeting: Meeting, text: String, fileName: String) -> AgendaItem {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        return AgendaItem(
            number: 0, title: meeting.title ?? (fileName as NSString).deletingPathExtension, firstLine: 1,
            lastLine: max(1, lines), sections: [Section(kind: .body, heading: nil, text: Normalizer.normalize(text))])
    }

    static func agendaHeadings(in document: SourceDocument) -> [HeadingCandidate] {
        let context = BlockContext(document: document)
        let candidates = HeadingDetector.candidates(in: document, context: context)
        let wrap = HeadingWrap(document: document)
        return HeadingSelector.select(candidates).map { wrap.extend($0, in: document) }
    }
}
