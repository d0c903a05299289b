// The ten digits as 3×5 bitmaps, drawn twice their size on a black badge: enough to number
// the cells of a contact sheet without a font library.

enum DigitGlyphs {
    /// Rows top to bottom; bit 2 is the left column.
    static let rows: [[UInt8]] = [
        [0b111, 0b101, 0b101, 0b101, 0b111],  // 0
        [0b010, 0b110, 0b010, 0b010, 0b111],  // 1
        [0b111, 0b001, 0b111, 0b100, 0b111],  // 2
        [0b111, 0b001, 0b111, 0b001, 0b111],  // 3
        [0b101, 0b101, 0b111, 0b001, 0b001],  // 4
        [0b111, 0b100, 0b111, 0b001, 0b111],  // 5
        [0b111, 0b100, 0b111, 0b101, 0b111],  // 6
        [0b111, 0b001, 0b010, 0b010, 0b010],  // 7
        [0b111, 0b101, 0b111, 0b101, 0b111],  // 8
        [0b111, 0b101, 0b111, 0b001, 0b111],  // 9
    ]
    /// Pixels per glyph dot.
    static let scale = 2
    /// Badge padding around the digits, in pixels.
    static let padding = 2

    /// `number` in white on a black badge whose top-left corner is (`x`, `y`).
    static func drawBadge(_ number: Int, into image: inout RGBImage, x: Int, y: Int) {
        let digits = String(number).compactMap(\.wholeNumberValue)
        let advance = 4 * scale  // 3 dots and a space
        image.fill(x: x, y: y, width: digits.count * advance - scale + 2 * padding, height: 5 * scale + 2 * padding,
                   red: 0, green: 0, blue: 0)
        for (position, digit) in digits.enumerated() {
            for (row, bits) in rows[digit].enumerated() {
                for column in 0..<3 where bits & (0b100 >> column) != 0 {
                    image.fill(x: x + padding + position * advance + column * scale, y: y + padding + row * scale,
                               width: scale, height: scale, red: 255, green: 255, blue: 255)
                }
            }
        }
    }
}
