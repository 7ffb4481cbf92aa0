import Foundation
import GovFlowAPI

extension TokenTable {
    /// The table in a tokens file (`govflow serve --tokens FILE`); an unreadable file is a `TokenFileError` that
    /// names the file and the reason in plain words.
    public static func load(contentsOf url: URL) throws(TokenFileError) -> TokenTable {
        let text: String
        do throws(InputFile.Problem) {
            text = try InputFile.read(url.path)
        } catch {
            throw .unreadable(path: url.path, reason: error.reason)
        }
        return try parse(text)
    }
}
