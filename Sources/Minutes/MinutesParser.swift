// PLACEHOLDER: replaced by the Minutes implementation. The signature is the contract.
import DanishText

/// Parses the text of one referat file into a meeting.
public enum MinutesParser {
    public static func parse(_ text: String) -> Meeting {
        Meeting()
    }
}
