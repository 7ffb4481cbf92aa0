/// A table of text aligned in columns, counting East Asian wide characters (汉字, full-width forms) as two columns
/// so that Chinese names line up in a terminal.
struct TextTable {
    let header: [String]
    var rows: [[String]] = []

    init(header: [String]) {
        self.header = header
    }

    /// The lines of the table: columns separated by two spaces, the last column not padded.
    func render(indent: String = "") -> [String] {
        let all = [header] + rows
        let count = header.count
        var widths = Array(repeating: 0, count: count)
        for row in all {
            for (column, cell) in row.enumerated() where column < count {
                widths[column] = max(widths[column], TextTable.width(of: cell))
            }
        }
        return all.map { row in
            var line = indent
            for (column, cell) in row.enumerated() {
                line += cell
                if column < row.count - 1 {
                    line += String(repeating: " ", count: widths[column] - TextTable.width(of: cell) + 2)
                }
            }
            return line
        }
    }

    /// The number of terminal columns `text` takes.
    static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
