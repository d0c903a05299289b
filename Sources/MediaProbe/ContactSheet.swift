// One picture of many: thumbnails in a grid of square cells, each numbered in its corner so
// a table printed beside the sheet can say which segment cell 7 is. Numbers, not names: a
// handful of digit glyphs needs no font library, and names would not fit small cells anyway.

/// Lays out thumbnails as a numbered grid.
public enum ContactSheet {
    /// Gap between cells and around the grid, in pixels.
    static let gap = 4
    /// Dark gray background, so light and dark crops both stand out.
    static let background: (UInt8, UInt8, UInt8) = (32, 32, 32)

    /// `images` in row-major order, `columns` a row, each centred in a `cellSide`² cell (an
    /// image larger than the cell is cut at the cell's edge; callers scale to `cellSide`) and
    /// numbered from 1 in its top-left corner.
    /// - Precondition: `images` is not empty, `columns ≥ 1`, `cellSide ≥ 1`.
    public static func compose(_ images: [RGBImage], columns: Int, cellSide: Int) -> RGBImage {
        precondition(!images.isEmpty && columns >= 1 && cellSide >= 1, "a sheet needs images, columns and a cell size")
        let columns = min(columns, images.count)
        let rows = (images.count + columns - 1) / columns
        let (r, g, b) = background
        var sheet = RGBImage(width: gap + columns * (cellSide + gap), height: gap + rows * (cellSide + gap),
                             red: r, green: g, blue: b)
        for (index, image) in images.enumerated() {
            let cellX = gap + (index % columns) * (cellSide + gap)
            let cellY = gap + (index / columns) * (cellSide + gap)
            var cropped = image
            if image.width > cellSide || image.height > cellSide { cropped = image.cropped(width: cellSide, height: cellSide) }
            sheet.draw(cropped, x: cellX + (cellSide - cropped.width) / 2, y: cellY + (cellSide - cropped.height) / 2)
            DigitGlyphs.drawBadge(index + 1, into: &sheet, x: cellX, y: cellY)
        }
        return sheet
    }

    /// Columns for `count` cells: a near-square grid, at most 8 wide.
    public static func defaultColumns(count: Int) -> Int {
        var columns = 1
        while columns * columns < count && columns < 8 { columns += 1 }
        return columns
    }
}

extension RGBImage {
    /// The top-left `width`×`height` (at most the whole image).
    func cropped(width w: Int, height h: Int) -> RGBImage {
        var out = RGBImage(width: min(w, width), height: min(h, height), red: 0, green: 0, blue: 0)
        out.draw(self, x: 0, y: 0)
        return out
    }
}
