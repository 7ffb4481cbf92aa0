/// A bounded quotation of text a user wrote, for messages: a diagnostic about a 1 MB expression quotes its start,
/// not all of it.
enum Excerpt {
    /// The most Unicode scalars a message quotes of one piece of text.
    static let maximumLength = 80

    /// `text` itself when it is at most `maximumLength` scalars long, else its first `maximumLength` scalars
    /// followed by "…".
    static func of(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > maximumLength else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(maximumLength))
        return String(view) + "…"
    }
}
