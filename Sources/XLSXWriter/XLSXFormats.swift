import CXLSXWriter
import Spreadsheet

/// The cell formats a workbook uses, created once per workbook: one per row style and number kind.
struct XLSXFormats {
    /// Number formats, by what the cell holds.
    enum Number: CaseIterable { case text, integer, decimal0, decimal1, decimal2, decimal3, percent, date }

    private var formats: [Key: UnsafeMutablePointer<lxw_format>] = [:]
    private struct Key: Hashable { let style: Sheet.Row.Style; let number: Number }

    init(_ workbook: XLSXWorkbookHandle) throws(XLSXWriteError) {
        for style in [Sheet.Row.Style.data, .header, .title, .note] {
            for number in Number.allCases {
                formats[Key(style: style, number: number)] = try workbook.addFormat { f in
                    Self.configure(f, style: style, number: number)
                }
            }
        }
    }

    /// The format of a cell of `number` kind in a row of `style`; none for plain text in a data row.
    ///
    /// libxlsxwriter 1.1 hashes a cell's format every time it writes the cell, so the most
    /// common cell, plain text, goes without one: that alone took a fifth of the writing time.
    func format(_ style: Sheet.Row.Style, _ number: Number) -> UnsafeMutablePointer<lxw_format>? {
        style == .data && number == .text ? nil : formats[Key(style: style, number: number)]
    }

    private static func configure(_ f: UnsafeMutablePointer<lxw_format>, style: Sheet.Row.Style, number: Number) {
        switch style {
        case .data: break
        case .header:
            format_set_bold(f)
            format_set_bg_color(f, 0xDDEBF7)
            format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap(f)
            format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .title:
            format_set_bold(f)
            format_set_font_size(f, 13)
        case .note:
            format_set_italic(f)
            format_set_font_color(f, 0x595959)
        }
        let code: String? = switch number {
        case .text: nil
        case .integer: "0"
        case .decimal0: "0"
        case .decimal1: "0.0"
        case .decimal2: "0.00"
        case .decimal3: "0.000"
        case .percent: "0.0%"
        case .date: "yyyy-mm-dd"
        }
        if let code { code.withCString { format_set_num_format(f, $0) } }
    }
}
